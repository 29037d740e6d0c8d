package dev.gilscope.ui;

import dev.gilscope.runtime.PythonInterpreter;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.prefs.Preferences;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;

/**
 * The window's Python field for the cpython mode: type a path, or pick one of the interpreters found on
 * this machine (listed with version and GIL, looked up off the UI thread since each one is asked). Empty
 * means the default, which the prompt names. The path of the last run is remembered between sessions.
 */
final class PythonChoice {

    private static final String KEY = "cpython.interpreter";

    private PythonChoice() {}

    static ComboBox<String> field(String initial, Consumer<String> onChange) {
        ComboBox<String> box = new ComboBox<>();
        box.setEditable(true);
        box.setId("field-python");
        box.setPrefWidth(230);
        box.getEditor().setText(initial);
        box.setPromptText("python3 on PATH");
        box.getEditor().textProperty().addListener((o, was, now) -> onChange.accept(now));
        Tooltip.install(box, new Tooltip("The Python the cpython mode runs: type the path of a python program or pick one "
                + "found on this machine. Empty: python3 on PATH, else the newest one installed."));
        Thread.ofPlatform().daemon().name("gilscope-find-pythons").start(() -> {
            List<PythonInterpreter> found = PythonInterpreter.installed();
            String prompt = PythonInterpreter.preferred().map(p -> p.label() + " (" + p.path().getFileName() + ")")
                    .orElse("no Python found: type the path of one");
            Map<String, String> labels = found.stream().collect(Collectors.toMap(p -> p.path().toString(), PythonInterpreter::label,
                    (a, b) -> a));
            Platform.runLater(() -> {
                box.setPromptText(prompt);
                box.setCellFactory(list -> new ListCell<>() {
                    @Override
                    protected void updateItem(String path, boolean empty) {
                        super.updateItem(path, empty);
                        setText(empty || path == null ? null : labels.getOrDefault(path, "") + "  " + path);
                    }
                });
                String typed = box.getEditor().getText();
                box.getItems().setAll(found.stream().map(p -> p.path().toString()).toList());
                box.getEditor().setText(typed); // filling the list must not change what was typed
            });
        });
        return box;
    }

    /** The interpreter of the last cpython run, or "" for the default. */
    static String remembered() {
        try {
            return preferences().get(KEY, "");
        } catch (RuntimeException unavailable) {
            return "";
        }
    }

    static void remember(String path) {
        try {
            Preferences p = preferences();
            if (path == null || path.isBlank()) p.remove(KEY);
            else p.put(KEY, path.strip());
        } catch (RuntimeException unavailable) {
            // no preferences store here: the field just starts empty next time
        }
    }

    private static Preferences preferences() {
        return Preferences.userNodeForPackage(PythonChoice.class);
    }
}
