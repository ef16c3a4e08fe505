package cnnlab.vision;

/** An uploaded file that cannot be used as a picture; the message is written for the person who uploaded it. */
public final class ImageProblem extends Exception {
    public ImageProblem(String message) {
        super(message);
    }
}
