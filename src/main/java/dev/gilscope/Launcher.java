package dev.gilscope;

import dev.gilscope.cli.GilscopeCommand;
import dev.gilscope.ui.GilscopeApp;

/**
 * Entry point. A plain class (not a JavaFX {@code Application}) so the app starts from a class path
 * and a jpackage image alike: no arguments open the window, anything else is the command line.
 */
public final class Launcher {

    private Launcher() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            GilscopeApp.launchWindow(args);
        } else {
            System.exit(GilscopeCommand.execute(args, System.out, System.err));
        }
    }
}
