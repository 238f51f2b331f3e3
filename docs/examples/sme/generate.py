#!/usr/bin/env python3
"""Writes sme-customers.csv: 400 synthetic small and medium business electricity customers of a European
supplier, seeded, so that the file is the same on every run (Python 3.8 or later, standard library only).

Columns: id; cons_12m (kWh consumed in the last 12 months); forecast_cons_12m (kWh forecast for the next 12
months); net_margin (EUR margin of the last 12 months); num_years_antig (years as a customer); pow_max (kW
subscribed power); bill_12m (EUR billed in the last 12 months); payment_delay_days (average days a bill was
paid late); late_payments (late bills in the last 12 months); bad_debt (1 if a bill was written off); churn
(1 if the customer left within the following year).
"""
import math
import random

SEED = 16
ROWS = 400


def main():
    rnd = random.Random(SEED)
    lines = ["id,cons_12m,forecast_cons_12m,net_margin,num_years_antig,pow_max,bill_12m,payment_delay_days,"
             "late_payments,bad_debt,churn"]
    for i in range(ROWS):
        size = rnd.lognormvariate(0.0, 0.9)
        pow_max = round(min(2000.0, 15.0 * size * rnd.uniform(0.8, 1.25)), 1)
        cons = round(pow_max * rnd.uniform(1500.0, 4200.0))
        growth = rnd.gauss(0.01, 0.08)
        forecast = round(cons * math.exp(growth))
        tenure = rnd.randint(1, 25)
        price = rnd.uniform(0.16, 0.24)
        bill = round(cons * price, 2)
        margin = round(bill * rnd.uniform(0.03, 0.12), 2)
        strain = rnd.gauss(0.0, 1.0)
        delay = round(max(0.0, 6.0 + 12.0 * strain + rnd.gauss(0.0, 6.0)), 1)
        late = max(0, min(12, int(round(1.5 + 2.0 * strain + rnd.gauss(0.0, 1.0)))))
        p_bad = 1.0 / (1.0 + math.exp(-(-4.0 + 1.6 * strain)))
        bad = 1 if rnd.random() < p_bad else 0
        z = -1.2 - 0.12 * tenure - 8.0 * (margin / bill - 0.075) + 0.04 * delay - 3.0 * growth
        p_churn = 1.0 / (1.0 + math.exp(-z))
        churn = 1 if rnd.random() < p_churn else 0
        lines.append("SME%04d,%d,%d,%.2f,%d,%.1f,%.2f,%.1f,%d,%d,%d" % (
            i + 1, cons, forecast, margin, tenure, pow_max, bill, delay, late, bad, churn))
    with open("sme-customers.csv", "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
