package cnnlab.train;

import cnnlab.speech.SpeechInput;
import cnnlab.speech.WavReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Free Spoken Digit Dataset as network inputs: {@code recordings/{digit}_{speaker}_{index}.wav}, split as its
 * README says: recordings 0-4 of every speaker and digit are the test set, 5-49 the training set.
 */
public record FsddData(List<SpeechInput> inputs, int[] labels, List<String> names) {
    private static final Pattern NAME = Pattern.compile("(\\d)_([a-z]+)_(\\d+)\\.wav");

    public enum Split { TRAIN, TEST }

    public int size() {
        return labels.length;
    }

    /** Reads {@code dir/recordings} (or {@code dir} itself when it holds the wavs). */
    public static FsddData read(Path dir, Split split) throws IOException {
        Path recordings = Files.isDirectory(dir.resolve("recordings")) ? dir.resolve("recordings") : dir;
        List<Path> files;
        try (Stream<Path> s = Files.list(recordings)) {
            files = s.filter(p -> NAME.matcher(p.getFileName().toString()).matches()).sorted().toList();
        }
        if (files.isEmpty()) throw new IOException("no FSDD recordings ({digit}_{speaker}_{index}.wav) in " + recordings);
        List<SpeechInput> inputs = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path f : files) {
            Matcher m = NAME.matcher(f.getFileName().toString());
            if (!m.matches()) continue;
            boolean test = Integer.parseInt(m.group(3)) <= 4;
            if (test != (split == Split.TEST)) continue;
            inputs.add(SpeechInput.of(WavReader.read(Files.readAllBytes(f))));
            labels.add(Integer.parseInt(m.group(1)));
            names.add(f.getFileName().toString());
        }
        return new FsddData(inputs, labels.stream().mapToInt(Integer::intValue).toArray(), names);
    }
}
