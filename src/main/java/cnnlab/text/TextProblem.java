package cnnlab.text;

/** Input the sentence networks cannot read, with a sentence saying why (shown on the page, or a 400 from the API). */
public final class TextProblem extends Exception {
    public TextProblem(String message) {
        super(message, null, false, false);
    }
}
