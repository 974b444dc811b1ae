package dev.wattiq.lab.experiments;

import dev.wattiq.lab.engine.Dense;
import dev.wattiq.lab.engine.Model;
import dev.wattiq.lab.engine.Precision;
import dev.wattiq.meter.UserInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A dataset and initial weights exported by {@code examples/seed/fixed_dataset.py}, so this engine trains the very
 * problem PyTorch trained and the two loss trajectories can be compared step by step. Files (raw little-endian
 * float32, row-major): {@code x.f32} (rows x width), {@code y.f32} (rows x outputs), {@code w0.f32}
 * (outputs x width), {@code b0.f32} (outputs). Step s trains on rows {@code [(s·batch) mod rows, +batch)}.
 */
public final class FixedDataset {
    private final float[] x;
    private final float[] y;
    private final float[] w0;
    private final float[] b0;
    private final int width;
    private final int outputs;
    private final int rows;

    private FixedDataset(float[] x, float[] y, float[] w0, float[] b0, int width) {
        this.x = x;
        this.y = y;
        this.w0 = w0;
        this.b0 = b0;
        this.width = width;
        this.outputs = b0.length;
        this.rows = x.length / width;
    }

    /** Reads the four files from {@code dir}; {@code width} is the number of input features. */
    public static FixedDataset read(Path dir, int width) {
        float[] b0 = floats(dir.resolve("b0.f32"));
        float[] w0 = floats(dir.resolve("w0.f32"));
        float[] x = floats(dir.resolve("x.f32"));
        float[] y = floats(dir.resolve("y.f32"));
        int outputs = b0.length;
        if (outputs == 0 || w0.length != outputs * width || x.length % width != 0 || y.length != x.length / width * outputs) {
            throw new UserInputException("the dataset in " + dir + " does not fit --width " + width + " with " + outputs
                    + " outputs (w0 has " + w0.length + " values, x " + x.length + ", y " + y.length + "): pass the --width it was exported with");
        }
        return new FixedDataset(x, y, w0, b0, width);
    }

    private static float[] floats(Path p) {
        try {
            byte[] bytes = Files.readAllBytes(p);
            if (bytes.length % 4 != 0) throw new UserInputException(p + " is not raw float32 (" + bytes.length + " bytes): re-export it with fixed_dataset.py");
            float[] out = new float[bytes.length / 4];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
            return out;
        } catch (NoSuchFileException e) {
            throw new UserInputException("missing " + p + ": export the dataset with examples/seed/fixed_dataset.py DIR", e);
        } catch (IOException e) {
            throw new UserInputException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    public int rows() {
        return rows;
    }

    /** Trains {@code Linear(width, outputs)} from the exported initial weights; returns the loss of every step. */
    public double[] train(int steps, int batch, float lr) {
        if (batch > rows || rows % batch != 0) {
            throw new UserInputException("--batch " + batch + " must divide the dataset's " + rows + " rows");
        }
        Model m = Model.linear(width, outputs, 0, Precision.FP32);
        Dense d = m.layers().getFirst();
        System.arraycopy(w0, 0, d.weights(), 0, w0.length);
        System.arraycopy(b0, 0, d.bias(), 0, b0.length);
        double[] losses = new double[steps];
        float[] xb = new float[batch * width];
        float[] yb = new float[batch * outputs];
        for (int s = 0; s < steps; s++) {
            int r = (int) ((long) s * batch % rows);
            System.arraycopy(x, r * width, xb, 0, batch * width);
            System.arraycopy(y, r * outputs, yb, 0, batch * outputs);
            losses[s] = m.trainStep(xb, yb, batch, lr);
        }
        return losses;
    }
}
