#!/usr/bin/python3
# Reference values for the repeated-indicators approach to higher-order constructs, computed with plspm-python
# (GitHub GoogleCloudPlatform/plspm-python, commit addf58434532dc63320589c4cc2f341009d588b0, version 0.5.6) on
# Debian python3 3.11 with numpy 1.24.2, pandas 1.5.3 and statsmodels 0.13.5.
#
# Run from a checkout of plspm-python: python3 repeated_indicators_reference.py <mobi.csv> <output folder>
# The model is seminr's test-hoc.R model (Satisfaction, a higher-order construct of Image and Value) estimated
# by repeated indicators: the Satisfaction block repeats IMAG1-5 and PERV1-2 (as copies named
# "Satisfaction:IMAG1", ...); the higher-order construct drives its dimensions (Mode A, reflective-reflective)
# or is driven by them (Mode B, reflective-formative). Path scheme, standardised indicators; plspm stops when the
# summed squared change of the absolute weights is below the tolerance, here 1e-20.
# Also the same model by plspm-python's two-stage approach with the higher-order construct in Mode B
# (reflective-formative), written to mobi-hoc-ts-modeB-*.csv.
import sys
import pandas as pd
import plspm.config as c
from plspm.plspm import Plspm
from plspm.scale import Scale
from plspm.scheme import Scheme
from plspm.mode import Mode

mobi = pd.read_csv(sys.argv[1], index_col=0)
out = sys.argv[2]
items = {"Image": ["IMAG%d" % i for i in range(1, 6)], "Expectation": ["CUEX%d" % i for i in range(1, 4)],
         "Quality": ["PERQ%d" % i for i in range(1, 8)], "Value": ["PERV1", "PERV2"],
         "Complaints": ["CUSCO"], "Loyalty": ["CUSL%d" % i for i in range(1, 4)]}
hoc_items = []
for lv in ["Image", "Value"]:
    for mv in items[lv]:
        mobi["Satisfaction:" + mv] = mobi[mv]
        hoc_items.append("Satisfaction:" + mv)
for tag, mode in (("modeA", Mode.A), ("modeB", Mode.B)):
    structure = c.Structure()
    structure.add_path(["Expectation", "Quality"], ["Satisfaction"])
    structure.add_path(["Satisfaction"], ["Complaints", "Loyalty"])
    if mode == Mode.A:
        structure.add_path(["Satisfaction"], ["Image", "Value"])
    else:
        structure.add_path(["Image", "Value"], ["Satisfaction"])
    config = c.Config(structure.path(), default_scale=Scale.NUM)
    for lv, mvs in items.items():
        config.add_lv(lv, Mode.A, *[c.MV(mv) for mv in mvs])
    config.add_lv("Satisfaction", mode, *[c.MV(mv) for mv in hoc_items])
    pls = Plspm(mobi, config, Scheme.PATH, 1000, 1e-20)
    outer = pls.outer_model()[["weight", "loading"]]
    outer.to_csv("%s/mobi-hoc-ri-%s-outer-model.csv" % (out, tag), float_format="%.15g")
    pls.path_coefficients().to_csv("%s/mobi-hoc-ri-%s-paths.csv" % (out, tag), float_format="%.15g")

mobi = pd.read_csv(sys.argv[1], index_col=0)
structure = c.Structure()
structure.add_path(["Expectation", "Quality"], ["Satisfaction"])
structure.add_path(["Satisfaction"], ["Complaints", "Loyalty"])
config = c.Config(structure.path(), default_scale=Scale.NUM)
config.add_higher_order("Satisfaction", Mode.B, ["Image", "Value"])
for lv, mvs in items.items():
    config.add_lv(lv, Mode.A, *[c.MV(mv) for mv in mvs])
pls = Plspm(mobi, config, Scheme.PATH, 1000, 1e-20)
pls.outer_model()[["weight", "loading"]].to_csv("%s/mobi-hoc-ts-modeB-outer-model.csv" % out, float_format="%.15g")
pls.path_coefficients().to_csv("%s/mobi-hoc-ts-modeB-paths.csv" % out, float_format="%.15g")
