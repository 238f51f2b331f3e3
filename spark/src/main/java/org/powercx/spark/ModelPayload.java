package org.powercx.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Arrays;
import org.powercx.credit.CreditGrades;
import org.powercx.credit.DiscriminantModel;
import org.powercx.grey.GreyRelationalModel;
import org.powercx.segmentation.CustomerModel;

/**
 * What is broadcast to the executors: the models in their own Java serial form (serialization proxies holding the
 * parameters), as bytes, and the layout of the result columns. A byte array ships unchanged through whichever
 * serializer the session uses, Java or Kryo; each task rebuilds the models from it, so the executors score with
 * models equal to the driver's.
 */
final class ModelPayload implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Which kernel the bytes are for. */
    enum Kind {
        CUSTOMER, GREY, CREDIT
    }

    private final Kind kind;
    private final byte[] bytes;
    private final ResultLayout layout;

    private ModelPayload(Kind kind, byte[] bytes, ResultLayout layout) {
        this.kind = kind;
        this.bytes = bytes;
        this.layout = layout;
    }

    static ModelPayload of(CustomerModel model) {
        return of(model, ResultLayout.LABELS);
    }

    static ModelPayload of(CustomerModel model, ResultLayout layout) {
        return new ModelPayload(Kind.CUSTOMER, serialize(model), layout);
    }

    static ModelPayload of(GreyRelationalModel model) {
        return new ModelPayload(Kind.GREY, serialize(model), ResultLayout.LABELS);
    }

    static ModelPayload of(DiscriminantModel model, CreditGrades grades) {
        return of(model, grades, ResultLayout.LABELS);
    }

    static ModelPayload of(DiscriminantModel model, CreditGrades grades, ResultLayout layout) {
        return new ModelPayload(Kind.CREDIT, serialize(new Object[] {model, grades}), layout);
    }

    Kind kind() {
        return kind;
    }

    ResultLayout layout() {
        return layout;
    }

    private static byte[] serialize(Object model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(model);
        } catch (IOException e) {
            throw new SparkException("model cannot be serialized for the executors: %s", e.toString());
        }
        return bytes.toByteArray();
    }

    private Object deserialize() {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new SparkException("model cannot be read on the executor: %s", e.toString());
        }
    }

    /** A new kernel of the models, with buffers for batches of up to capacity rows. */
    BatchKernel newKernel(int capacity) {
        Object o = deserialize();
        switch (kind) {
            case CUSTOMER:
                return new CustomerKernel((CustomerModel) o, capacity, layout == ResultLayout.CODES);
            case GREY:
                return new GreyKernel((GreyRelationalModel) o, capacity);
            default:
                Object[] pair = (Object[]) o;
                return new CreditKernel((DiscriminantModel) pair[0], (CreditGrades) pair[1], capacity,
                    layout == ResultLayout.CODES);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelPayload m && m.kind == kind && m.layout == layout && Arrays.equals(m.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return (kind.hashCode() * 31 + layout.hashCode()) * 31 + Arrays.hashCode(bytes);
    }
}
