package org.powercx.spark;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.serializers.JavaSerializer;
import org.apache.spark.serializer.KryoRegistrator;
import org.powercx.credit.CreditGrades;
import org.powercx.credit.DiscriminantModel;
import org.powercx.grey.GreyRelationalModel;
import org.powercx.segmentation.CustomerModel;

/**
 * Lets Spark's Kryo serializer ship the PowerCX models: each model class is written in its own Java serial form
 * (a serialization proxy holding the parameters, validated when read back), which Kryo's default field-by-field
 * serializer cannot reproduce (the models hold immutable lists and records). {@link SparkScorer} does not need it
 * (it broadcasts the models as bytes); it is for a job that puts a model in a Kryo-serialized closure, broadcast
 * or Dataset. Enable it with {@code spark.kryo.registrator=org.powercx.spark.ModelKryoRegistrator}.
 *
 * @since 0.2.0
 */
public final class ModelKryoRegistrator implements KryoRegistrator {
    /** Creates the registrator; Spark calls it by name. */
    public ModelKryoRegistrator() {
        // Spark instantiates registrators reflectively
    }

    /**
     * Registers {@link CustomerModel}, {@link GreyRelationalModel}, {@link DiscriminantModel} and
     * {@link CreditGrades} with Kryo's Java-serialization adapter.
     *
     * @param kryo the Kryo instance Spark configures
     */
    @Override
    public void registerClasses(Kryo kryo) {
        JavaSerializer java = new JavaSerializer();
        kryo.register(CustomerModel.class, java);
        kryo.register(GreyRelationalModel.class, java);
        kryo.register(DiscriminantModel.class, java);
        kryo.register(CreditGrades.class, java);
    }
}
