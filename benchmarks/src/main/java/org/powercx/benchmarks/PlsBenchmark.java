package org.powercx.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;
import org.powercx.satisfaction.BootstrapResult;
import org.powercx.satisfaction.PathModel;
import org.powercx.satisfaction.PlsBootstrap;
import org.powercx.satisfaction.PlsPm;
import org.powercx.satisfaction.PlsResult;

/**
 * PLS path modeling speed target: the 6-construct power-industry CSI model on the satisfaction survey
 * (250 respondents x 27 items) with 5,000 bootstrap resamples in at most 0.5 s on two cores. The in-run baseline
 * is a plain pass over the same primitive answers, once per resample (draw 250 rows with replacement and sum
 * them), so the results read as ratios.
 *
 * <p>The answers are the public plspm {@code satisfaction} survey (also {@code docs/data/satisfaction-survey.csv}),
 * embedded here as one letter per answer ({@code 'a'} = 0 ... {@code 'k'} = 10).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PlsBenchmark {
    static final String[] ITEMS = {"imag1", "imag2", "imag3", "imag4", "imag5", "expe1", "expe2", "expe3", "expe4", "expe5", "qual1", "qual2", "qual3", "qual4", "qual5", "val1", "val2", "val3", "val4", "sat1", "sat2", "sat3", "sat4", "loy1", "loy2", "loy3", "loy4"};
    static final String ANSWERS =
        "iijfgjjfijgichhhkfgghghjjggjjkjhjikijhjhihiihiihihijiijiiiiiiijjhjgigijhijiiijijjijijhkgdkkhdckighgehhhgggff" +
        "kkikihjijihjijijkkiiiihijjjhiiiiiiijkgghhhihgfhgghhiihffffchgfggeecddfgefgfgefggfjjjjjkkkkkijjjjiiiiiiiijidi" +
        "jijifhihhfgihhfjihhihgghhfikkkkkkkkkkkkikkkkkkkkjkkiikccifghigihhigihhiiihhhgjdjihiihihihfhhihihigghihiiiiih" +
        "ijjihikkkkghhhikiihhhiiiijjhhiiikkkkjhiiihijkhjihhjeiidedidhhfggeedeieeedeedeedeehiifghjhjjfigihiihgkiihhhih" +
        "iiiihfaahihabhigifbhhigjhhihiiihhhhjhhhhjhijihjjjjkkjiiediaiffcifeedfdffdfdedckbaihgkhihgijiihhhiihghhhfeeff" +
        "jjkiiijjijigiiiijhhihihijijggggghhhghefgffefefefeddjdeiiihfhkjkkfiiiihhigghijihjejjkjjkkkkkkjijjkkhkiiifkkkk" +
        "ihiiiijkkjijikjjijiiiijiiiiiffeddddefaaabccbbadcefabaaggggfghhhhdffehfgdffgdeeeefhijieffiigffiigijjgjihhjiik" +
        "iiihhhhhghghggghhhghggghihiiiiihiijjiiiiihjijijihijijjhhhgghfiighfigihhjhighhhhhijjjjfijfjkijfjkgjihiiiiiiij" +
        "kkkkfgbfifgegifjjkfikiikcjjjijjijjjjiiihihihhiifjhjjjjijjjfhggihhggihihhgihighiiidecfcdbfebfcdececcegcdceede" +
        "iijjiiiiiiiiiiiiiiiiiiiiiiiighggghgghfgfghhhigghhghgffkkkkfjikjfijkjfhkkikiihkkkkikjihkjkkkighhhiihgjiihhhki" +
        "iiiiihiiiihiiiiiihijjihhiiifhhihdkidighffffhhdfggfbgdkkjjkffjfkjfjfkjhjjjijhhjjjijhhjdiafiffacfedgecggggbicb" +
        "iikiifkhfeikihfjihijgfhihiigiiiiijjjjhiiiijkkjjiffkjjkiiiiiijjkjijgijkihkjhigiihkgffggkkiighhgghggeghffddfad" +
        "jjjihfiiiigihiiijihiiigghikjkiifhhjihhjhijjkkjiihhhijhiiijhfffffghihggihghhgfijiiifghhgiiifgikihiihhiihgeghg" +
        "ebejaecahffcahfaahaaaaaakakffhffjjhkjhhhhhhhifhhhhhhffffgffhhhiifeffgeeeddedddcddhjjkdfjbgjfjdhkfjjjkhkjjghg" +
        "kkkkhhhhhjjgiihijjghhhghiikiiiieiihhhiihhhgjihhhhfhggcgghjhiiiijhhfhhiihgghhgbjaeghhhdeedfbeedddgfffhggifhdf" +
        "jjjjhfjkkkhhiiiiijgihhiihgkhhhhggihhhhihhhgiigggfkhhhijhijhghghighghiikijhhidijhjijjiijjiiiiiiiihihihihgighi" +
        "iiiihhhfgghhfgggiifhhgfijihhhhhheegkkffgjkefggbfgfdghhjkjjihjikfgigjhijiiihiijijjijjigigighigighiiihggfgihij" +
        "hiiicgeehfgeehfghhghghfifhheccgegighegfgffffeeeghcgedcffhfffdffcfdcfcfffceffecjffjjkjiikejigkfjghihiiigjijii" +
        "iiiifjjkkkjjhiihhhjhhfgijhiiijigihhigijjiiijfjiiigifhgjjjjaeiggfeiggfgiiehhiihfggjiiihiihjiiiijihjjjkjhkkkkk" +
        "jjjiiijijjhjhjjiiihiiihhhhhifhjcedbdcedbdcciicffffjkbjhgjighhiiifhgiffhhgghghfheeiijihghgihghgihghhgihigihhk" +
        "kkkkkkkfkikifkfikkhjjjhiihijjggkkkkkkkkkkkefffcdddcdfedddicbaeabaadabahaaaaiiahakfeehbfdbhcedcedeeecddddaeci" +
        "ikkkiikikkkkikkhihkkjjikjikfiiihiikkigihkkhiighigghhhkhefjeiigihggggffihfggggfiahfgfijhifjfgifjgkjaiiifeiiif" +
        "hfhgecccidcdcfedggdfffffggfkijihgjejihjejiiiigihfiiiggkkkkkkkkkkkkkkkkkikkjjijkkkggefeehggeeegefafffgefffifj" +
        "kdhjifbhkafafkaafhhffffkikkfhihhkkkkjjiiihihihighgighgjkjjikikhkkikfkkgghkhhkjiiikkkkkkjfjjkifjjjkkjjjjjkkkk" +
        "kkkkffjchihhcghkkkihgiikkgkhhhihihigihiihihiigihiiiihhjfhjdghhiedghiegiiegffeghefjjkiiiikijghigjijihihfhiihj" +
        "ggfeeefffeeeffeeeedefffedefhiijghhhggfffhhhfehgeehkiiiiggfaghkhkkgdghhgaihhghhjhhgiijjhjjijikikkjjjfjffjjihj" +
        "jfghfjggjhhjijhkkihiihiijkkihifffekidagcjiihefdfdfiffjhihehhifiahfghbiiihihhhhgghihkkfjkkgkjkkhgkkkkjgeikkkk" +
        "fjkfagkkkkkjekkjjgiihjjkkkjjgghhkkkjkgkkjjkkggkkkjjkkjaehffhkikkkkkkkkijjijjjjhiheiigfjjkihikkkkjjhciiihjjjj" +
        "iikifhfkihfiigjhhffhhghfkidjkkhgafjhdaaakkfeahfefjkkkkkkkkjchihkdeihghaaiefddcibakiiihhifiiiiiieffiiggffkkkk" +
        "hkkifihdikiigiikkiihikgkjkkkjjgfiiikjikakkjjajihkhkijjikifgfhehgiiikihgfhgghhkkkkkiihihiihifgejkiihfiihikiik" +
        "ihiiihjdjhhiaghkkcbjhjkikiiiiiigiiihhfighgghhehfghiihhhjiihjiikihhiiijiihkjhhjjjhiijjiiiiihhhhihhhihhhiihihh" +
        "ihihgiiihihihhiiiihiiihiihiihhihjhjiiihhhihhihhhihiihiiiiihiiihiiiihihgigiiggjihjiiijhijjjiijjjijgijiiifijkk" +
        "hiigiijejkijfjiijjgiigiiiiihjjifhhfighhfiggiifhfheihfjkkkiiikikkikkkkjiiikkjjkkkkgihiigigjjhjgijjikiihhfijji" +
        "iiiifjkkkjiihihiiiiiiihiifkkaakakddgdkaadaahfaaaaaadakifjeeifjigfdjfigiifgffeggefjjjjhiiikjgghigiiihhhiihdaj" +
        "ijiiikihjhjjjihiiiiiijfijjihhhhfkkijkhifhhhhhfihfghhhfjjjjhgigihghgjhhhiiigghihigfhekabbaffaaaffakkaaaaaffak" +
        "jjjjhijjkkjjjkijkkjkkffkkkkiijhihhiiihhghihiihiigiihhijkkhjkjikjijfjjjjieihjjjjjikkkkjkkkkkjkhihkkjhhhfjkkkj" +
        "igjjeiifigfgfhghjifghfeggffhhiffggkhjeehfiiihgfgggffhejkkkhjjjjjihiiijijijighiiijhhggfiihhdffeeeeggeeeeeegdf" +
        "iiiihijiifijhiijihjjihhkdhkiiiiifififfifiihifiihhhkkhkkkkkkkkkkjkkkkjkkkkkkkkkkkjkkkkhijjkjhjikjjkkjjjjikkkk" +
        "jkkkjjkiijjkiijikkijiihkkkkegiighhgkjhgghghhhfgghfehfjiiihhijjjjhihiihijhijjjhfheiiiigggehhggchhghhehhhfgkgg" +
        "iieiacffjadfdhafffbccccafakhhhhihiijigggighiiegggghhggihhiijijijjhhgikjijjihikjijjjhiijijjjigihijiiijhigiiji" +
        "fdedggbchcebceeefdfecehcdfegiiiijijjhiiiihjjihiihhjijkjkkkgijhkggjfkfgijikjgjakkkeffhfhiifgegfedeefeffddcech" +
        "iiiiikeekhiffifkkkkkhhhkkkijjjjijijijjijhjkiiijjiiiihikkkkkiiijiiiijiiiiijjiiiiijkkkjjjjdkkjjckkkkkkkkkkkkkk" +
        "kkkkkkgikfkffkfhfffiffkgiifhiiidhibhegidheeffehgiefefiiiiifiiiiifhfigfiifggfffffhigifccffcccfffcfffdfdfddjdc" +
        "kkkkkkkkkkkkkkkkkkkkjkkjkkkhhhhiiffhfiffhfhiifghffghhjihhighhhhhhhhhhijffhhggghgfkkkkfkkkkkkkjkkjkkkkjkfjkkk" +
        "hjjjijjiijjjiijijiijkiijiihjiiihjhjijhhhiijjihjihikijkigghciejijgegggfhfegffefcffijjjhiiiiigfhgfgihghghggffh" +
        "hijjiiijhiiijhijkkhkkfjkfiijiiifghhhighhhiijhiiijcafhkkkkkihjhjkhjhjkgkhijjhgkjcikkjkjgkkkjgkkkjkkkjkkjkkkkk" +
        "ijjiiiiijiiiijiiiiiiijiiiiiikkkijjjjjiihiiiiiijijijjjiiiiffhihighihggfiiihhfhgikfgghhbgkfhighffgghfcgkggfffa" +
        "kkkkihiiiihiiiifkkkkkfkkkkkihiifikhkigighhhjjhhhfggiiiihihhiiiiihiihiiiiiihhgjjijhhhiciijiiiijhiijihhhhhiiij" +
        "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkjgijijihjijihjjhiiiiiiihkkkkgkkkkkkkkkkkkkfjkjjkkkkkkkkkkkhkkjjfikkkkkkkjjkkkk" +
        "kkkjikkkkkkkjkkkkjjkkhjkgkkhjjidhghiihghiijkjiihfhiiiijjjjhkkkkkkijjijjiijiiijjihgffhahebifhfafdbfgfdafffkfk" +
        "kkkkgkkikikhikihkkkkkfkkkkkijkjhjjikjjjikjjkjjkjkjjkkjgiijfffgfeffgfediffffggffhgjjjjjfkfiffkfiffifgiiiijjik" +
        "ijjihhihihhihihfiiihhfhiihjghhhfgiihhdghfhgggdffffdgagiiijhiihiijihiihiiihhhgfihkiijghhfjhfhfjhfghffhhffkfak" +
        "ijjhiiihjjghghighhghghhjhhhieghcdhghhdgfgedggggfegagajjjjjjkkkkkijiijjiiiiiiihiiighhgghjhigfiihhggeecddefgif" +
        "ghhhfihfiehfgffegeeghhfeiefihhjgikhifhkiiihkfgghghiigjkkkjhfihgffifiiihihfffeijjiihikfeiigfeiffcijghiihiihii" +
        "ijhifkgkkjigihjjiihgiiiihfjhhfhjjkjkihjjkjiigghhghjhiijjkihijiijghggiiigfhhfgkkkkigjjgkkkkkkkkkkijijjjhiihhi" +
        "hhijhijjhhijihhhhhigihhhijhhhihhkihhikjijkihihhihhiigfjkjjfjkkkkjkkjjihjjhjiigggghhhgiihfkfhedieggjjgjjiidfi" +
        "jkhihijhjgjjjjjhfkkgijhkkhkegfhijigijjigijeeedeedekjkjiiiikigghgijjiiiihgkiihkikkigdiiigfhghhgjhgifbhhigkhkk" +
        "hhihjgiiifijhiiiiighhfgegfjjkjjhehgjffifhgihhjfjighehekkijikkkkjkkkkjhgfihjjfghggegjiiihikhhjikjjjhhihjeabaa" +
        "iihhgiiigjjkiijegffdfedeeefiiiihghgijhgghghhigghhjihijiideijjijikkkkkjihghiifgigigiihijjhhfiggigfhhhhhhhihii" +
        "jkjiiffhighhiihhiiiiiiighgieffhkhghijiiiihgjgiikkhjjiigiiihhgffgigfggiiigjjjifeggjjhhiijhikhighhegfdedhfdfdg" +
        "ijfffihhiggffffhihghgheghggkkihiiihhhfififhigffgiigifhhjihgggkhjeehfihikijiihjihijjjjfiihieffefbgdeegdeehigi" +
        "gffhhkkkkkkkjkighgehhhgjiijjjjjighfiffifiijkkiiiihhgiiijjhijihhjhhiigjjiihghidfdgiiiiiihhhdffefeeffiihigicih" +
        "ijjeifkhhhjeiijijjhjhihghigkjhhjigehhfhchhhiiihhhgihfh";

    /** Bootstrap resamples. */
    @Param({"5000"})
    public int resamples;

    IndicatorTable survey;
    double[] answers;
    final PathModel model = PathModel.powerCsi();

    /** Decodes the survey. */
    @Setup(Level.Trial)
    public void setUp() {
        survey = survey();
        answers = flat(survey);
    }

    static IndicatorTable survey() {
        List<Indicator> inds = new ArrayList<>();
        for (String item : ITEMS) {
            inds.add(Indicator.benefit(item));
        }
        int p = ITEMS.length;
        int n = ANSWERS.length() / p;
        List<String> ids = new ArrayList<>();
        double[][] rows = new double[n][p];
        for (int i = 0; i < n; i++) {
            ids.add("R" + (i + 1));
            for (int k = 0; k < p; k++) {
                rows[i][k] = ANSWERS.charAt(i * p + k) - 'a';
            }
        }
        return IndicatorTable.ofRows(inds, ids, rows);
    }

    static double[] flat(IndicatorTable t) {
        int n = t.rowCount();
        int p = t.indicatorCount();
        double[] out = new double[n * p];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < p; k++) {
                out[i * p + k] = t.get(i, k);
            }
        }
        return out;
    }

    /**
     * Baseline: per resample, draw the rows with replacement and sum their answers.
     *
     * @return the grand sum
     */
    @Benchmark
    public double baselineResamplePass() {
        return baseline(answers, ITEMS.length, resamples, 1);
    }

    static double baseline(double[] x, int p, int b, long seed) {
        int n = x.length / p;
        java.util.SplittableRandom root = new java.util.SplittableRandom(seed);
        double total = 0;
        for (int r = 0; r < b; r++) {
            java.util.SplittableRandom rng = root.split();
            for (int i = 0; i < n; i++) {
                int off = rng.nextInt(n) * p;
                for (int k = 0; k < p; k++) {
                    total += x[off + k];
                }
            }
        }
        return total;
    }

    /**
     * One PLS estimation (path scheme, standardised).
     *
     * @return the estimates
     */
    @Benchmark
    public PlsResult fitOnce() {
        return PlsPm.withDefaults().fit(model, survey);
    }

    /**
     * The target: 5,000 resamples on two threads.
     *
     * @return the bootstrap result
     */
    @Benchmark
    public BootstrapResult bootstrapTwoThreads() {
        return PlsBootstrap.withDefaults().withResamples(resamples).withThreads(2).run(model, survey, 42);
    }

    /**
     * The same on one thread.
     *
     * @return the bootstrap result
     */
    @Benchmark
    public BootstrapResult bootstrapOneThread() {
        return PlsBootstrap.withDefaults().withResamples(resamples).withThreads(1).run(model, survey, 42);
    }
}
