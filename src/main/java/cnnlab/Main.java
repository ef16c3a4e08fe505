package cnnlab;

import cnnlab.access.UserCommand;
import cnnlab.bench.BenchCommand;
import cnnlab.server.ServeCommand;
import cnnlab.train.EvaluateCommand;
import cnnlab.train.TrainCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** One jar, sub-commands: serve (the default), train, evaluate, bench, user. */
@Command(name = "cnn-lab", mixinStandardHelpOptions = true, version = "CNN Lab 0.1",
        description = "See what a convolutional network learns.",
        subcommands = {ServeCommand.class, TrainCommand.class, EvaluateCommand.class, BenchCommand.class, UserCommand.class})
public final class Main {
    public static void main(String[] args) {
        String[] effective = args.length == 0 || args[0].startsWith("--") && !isHelpOrVersion(args[0])
                ? prepend("serve", args) : args;
        int code = new CommandLine(new Main()).execute(effective);
        if (code != 0 || !"serve".equals(effective[0])) System.exit(code);
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
