package cnnlab.go;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The professional games of a dataset folder laid out as ../shared/data/go-sgf: manifest.tsv lists the files and marks
 * duplicates (dropped), games/ holds the SGF. Split by GAME, never by position: positions of one game are too alike
 * for a held-out position to mean anything if its neighbours were trained on.
 */
public final class GoGames {
    /** One game and where it came from. */
    public record Game(String path, SgfGame record) { }

    private final List<Game> games;
    private final int unreadable;

    private GoGames(List<Game> games, int unreadable) {
        this.games = List.copyOf(games);
        this.unreadable = unreadable;
    }

    public static GoGames read(Path folder) throws IOException {
        List<String> lines = Files.readAllLines(folder.resolve("manifest.tsv"), StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split("\t", -1));
        int pathColumn = header.indexOf("path"), duplicateColumn = header.indexOf("duplicate_of");
        List<Game> games = new ArrayList<>();
        int unreadable = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            if (f.length <= Math.max(pathColumn, duplicateColumn) || !f[duplicateColumn].isBlank()) continue;
            try {
                games.add(new Game(f[pathColumn], Sgf.parse(Files.readString(folder.resolve("games").resolve(f[pathColumn]), StandardCharsets.UTF_8))));
            } catch (SgfProblem | IOException e) {
                unreadable++;
            }
        }
        return new GoGames(games, unreadable);
    }

    public static GoGames of(List<Game> games) {
        return new GoGames(games, 0);
    }

    public List<Game> games() {
        return games;
    }

    public int size() {
        return games.size();
    }

    /** Files listed but not readable as 19x19 games. */
    public int unreadable() {
        return unreadable;
    }

    /** {train, test}: a seeded shuffle of the games, the last {@code testFraction} held out. */
    public GoGames[] split(double testFraction, long seed) {
        List<Game> shuffled = new ArrayList<>(games);
        Collections.shuffle(shuffled, new Random(seed));
        int test = (int) Math.round(shuffled.size() * testFraction);
        return new GoGames[] {new GoGames(shuffled.subList(0, shuffled.size() - test), 0), new GoGames(shuffled.subList(shuffled.size() - test, shuffled.size()), 0)};
    }
}
