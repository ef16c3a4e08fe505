package cnnlab.go;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The few historical games shipped with the product (resources cnnlab/go/games, see the README there): all from the
 * held-out games, so what the networks predict on them is what they would predict on a game they never saw.
 */
public final class BuiltInGames {
    /** One shipped game: its file, a title for menus and the record. */
    public record BuiltInGame(String file, String title, SgfGame record) { }

    private static final List<String> FILES = List.of("shusaku-177.sgf", "shusaku-242.sgf", "castle-465.sgf", "castle-065.sgf");

    private BuiltInGames() { }

    public static List<BuiltInGame> all() {
        List<BuiltInGame> games = new ArrayList<>();
        for (String file : FILES) {
            try (InputStream in = BuiltInGames.class.getResourceAsStream("/cnnlab/go/games/" + file)) {
                if (in == null) throw new IllegalStateException("missing built-in game " + file);
                SgfGame game = Sgf.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                games.add(new BuiltInGame(file, game.title(), game));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SgfProblem e) {
                throw new IllegalStateException("built-in game " + file + " does not parse: " + e.getMessage(), e);
            }
        }
        return List.copyOf(games);
    }
}
