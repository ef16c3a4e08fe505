package cnnlab.speech;

/** Audio the app cannot use, with a message meant for the person who sent it. */
public class AudioProblem extends IllegalArgumentException {
    public AudioProblem(String message) {
        super(message);
    }
}
