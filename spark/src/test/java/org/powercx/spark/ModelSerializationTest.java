package org.powercx.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.JavaSerializer;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.Serializer;
import org.apache.spark.serializer.SerializerInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.powercx.core.IndicatorTable;
import org.powercx.credit.CreditGrades;
import org.powercx.credit.DiscriminantModel;
import org.powercx.grey.GreyRelationalModel;
import org.powercx.samples.CustomerGenerator;
import org.powercx.segmentation.CustomerAnalysis;
import org.powercx.segmentation.CustomerModel;
import org.powercx.segmentation.CustomerScores;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * Local mode hands a broadcast to the tasks without serializing it, so the models and the broadcast payload are
 * round-tripped here through Spark's own Java and Kryo serializers, and the copies must score as the originals,
 * bit for bit.
 */
class ModelSerializationTest {
    private static CustomerModel model;
    private static IndicatorTable customers;

    @BeforeAll
    static void fit() {
        model = CustomerAnalysis.withDefaults().fit(CustomerGenerator.withDefaults().generate(5_000, 5L).table());
        customers = CustomerGenerator.withDefaults().generate(2_000, 7L).table();
    }

    private static List<Serializer> serializers() {
        SparkConf conf = new SparkConf(false).set("spark.kryo.registrator", ModelKryoRegistrator.class.getName());
        return List.of(new JavaSerializer(conf), new KryoSerializer(conf));
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(Serializer serializer, T value) {
        SerializerInstance s = serializer.newInstance();
        ClassTag<Object> tag = ClassTag$.MODULE$.AnyRef();
        ByteBuffer bytes = s.serialize(value, tag);
        return (T) s.deserialize(bytes, tag);
    }

    private static String[] names(List<org.powercx.core.Indicator> indicators) {
        return indicators.stream().map(i -> i.name()).toArray(String[]::new);
    }

    @Test
    void theCustomerModelSurvivesBothSerializers() {
        String expected = digest(model.apply(customers));
        for (Serializer s : serializers()) {
            CustomerModel copy = roundTrip(s, model);
            assertThat(copy).as(s.getClass().getSimpleName()).isNotSameAs(model);
            assertThat(copy.inputColumns()).isEqualTo(model.inputColumns());
            assertThat(digest(copy.apply(customers))).as(s.getClass().getSimpleName()).isEqualTo(expected);
        }
    }

    @Test
    void theGreyAndDiscriminantModelsAndGradesSurviveBothSerializers() {
        GreyRelationalModel grey = model.parameters().currentModel();
        DiscriminantModel credit = model.parameters().creditModel();
        CreditGrades grades = model.parameters().creditGrades();
        IndicatorTable g = customers.select(names(grey.indicators()));
        IndicatorTable c = customers.select(names(credit.indicators()));
        for (Serializer s : serializers()) {
            GreyRelationalModel greyCopy = roundTrip(s, grey);
            assertThat(greyCopy.parameters()).isEqualTo(grey.parameters());
            assertThat(greyCopy.grades(g)).isEqualTo(grey.grades(g));
            DiscriminantModel creditCopy = roundTrip(s, credit);
            assertThat(creditCopy.parameters()).isEqualTo(credit.parameters());
            assertThat(creditCopy.defaultProbabilities(c)).isEqualTo(credit.defaultProbabilities(c));
            CreditGrades gradesCopy = roundTrip(s, grades);
            assertThat(gradesCopy.parameters()).isEqualTo(grades.parameters());
        }
    }

    @Test
    void thePayloadShipsThroughKryoWithoutTheRegistrator() {
        KryoSerializer plain = new KryoSerializer(new SparkConf(false));
        ModelPayload payload = ModelPayload.of(model.parameters().creditModel(), model.parameters().creditGrades());
        assertThat(roundTrip(plain, payload)).isEqualTo(payload);
    }

    @Test
    void theBroadcastPayloadSurvivesBothSerializers() {
        for (ModelPayload payload : List.of(ModelPayload.of(model), ModelPayload.of(model.parameters().currentModel()),
            ModelPayload.of(model.parameters().creditModel(), model.parameters().creditGrades()),
            ModelPayload.of(model, ResultLayout.CODES), ModelPayload.of(model.parameters().creditModel(),
                model.parameters().creditGrades(), ResultLayout.CODES))) {
            for (Serializer s : serializers()) {
                ModelPayload copy = roundTrip(s, payload);
                assertThat(copy).isEqualTo(payload).isNotSameAs(payload);
                assertThat(copy.kind()).isEqualTo(payload.kind());
                assertThat(copy.layout()).isEqualTo(payload.layout());
                assertThat(copy.newKernel(8).outputs("")).isEqualTo(payload.newKernel(8).outputs(""));
            }
        }
        // the layout is part of the payload: the coded kernel's category columns are integers
        assertThat(ModelPayload.of(model, ResultLayout.CODES)).isNotEqualTo(ModelPayload.of(model));
        assertThat(ModelPayload.of(model, ResultLayout.CODES).newKernel(8).outputs("").stream()
            .filter(f -> f.dataType().equals(org.apache.spark.sql.types.DataTypes.IntegerType)).count())
            .isEqualTo(3 + model.parameters().riskRules().size());
    }

    /** The raw bits of every numeric output, the segments, grades and measures. */
    private static String digest(CustomerScores s) {
        long h = 17;
        for (double[] a : new double[][] {s.segments().currentValues(), s.segments().potentialValues(), s.combined(),
            s.defaultProbabilities(), s.retention(), s.lifetimeValues()}) {
            for (double v : a) {
                h = 31 * h + Double.doubleToRawLongBits(v);
            }
        }
        for (int i = 0; i < s.size(); i++) {
            h = 31 * h + s.segments().segment(i).ordinal();
            h = 31 * h + s.grades()[i];
            h = 31 * h + s.plan().measures(i).hashCode();
        }
        return Long.toHexString(h);
    }
}
