package cnnlab;

import cnnlab.access.UserCommand;
import cnnlab.bench.BenchCommand;
import cnnlab.server.ServeCommand;
import cnnlab.train.EvaluateCommand;
import cnnlab.train.TrainCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;

/** One jar, sub-commands: serve (the default), train, evaluate, bench, user. */
@Command(name = "cnn-lab", mixinStandardHelpOptions = true, version = "CNN Lab 0.1",
        description = "See what a convolutional network learns.",
        subcommands = {ServeCommand.class, TrainCommand.class, EvaluateCommand.class, BenchCommand.class, UserCommand.class})
public final class Main {
    public static void main(String[] args) {
        String[] effective = args.length == 0 || args[0].startsWith("--") && !isHelpOrVersion(args[0])
                ? prepend("serve", args) : args;
        int code = commandLine().execute(effective);
        if (code != 0 || !"serve".equals(effective[0])) System.exit(code);
    }

    static CommandLine commandLine() {
        return new CommandLine(new Main()).setExecutionExceptionHandler(Main::reportInputError);
    }

    /**
     * A file that is missing or holds the wrong thing, or a value out of range, is the user's to fix: one line saying
     * what, exit code 1. Anything else is a bug and keeps its stack trace.
     */
    static int reportInputError(Exception e, CommandLine command, CommandLine.ParseResult parsed) throws Exception {
        if (!(e instanceof IOException || e instanceof UncheckedIOException || e instanceof IllegalArgumentException)) throw e;
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof NoSuchFileException) message = "no such file: " + message;
        command.getErr().println(command.getCommandName() + ": " + message);
        return 1;
    }

    private static boolean isHelpOrVersion(String a) {
        return a.equals("--help") || a.equals("--version");
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
