package dev.gilscope.ui;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;

/** The keyboard shortcuts, shown over the board with ? (or F1) and hidden with ? or Esc. */
final class ShortcutSheet {

    /** Key and what it does, in the order a presenter uses them. */
    static final List<String[]> SHORTCUTS = List.of(
            new String[] {"F5  or  Ctrl+Enter", "Run (the open lesson once you predicted, otherwise Run all)"},
            new String[] {"Esc", "Cancel the run · leave the replay · close this sheet"},
            new String[] {"R", "Replay: play / pause"},
            new String[] {"S", "Replay speed: 1× → ¼× → 1/16×"},
            new String[] {"N", "Step the replay to the next hand-off of the lock"},
            new String[] {"Shift+N", "Step the replay to the next drop request"},
            new String[] {"A", "Pin a note at the replay's clock (right-click a row to pin one there)"},
            new String[] {"L  /  Shift+L", "Next / previous lesson"},
            new String[] {"P  or  F11", "Presentation mode on / off"},
            new String[] {"?  or  F1", "This sheet"});

    private final Popup popup = new Popup();
    private final VBox sheet;

    ShortcutSheet() {
        GridPane grid = new GridPane();
        grid.setHgap(18);
        grid.setVgap(6);
        for (int i = 0; i < SHORTCUTS.size(); i++) {
            Label key = new Label(SHORTCUTS.get(i)[0]);
            key.getStyleClass().add("shortcut-key");
            grid.addRow(i, key, new Label(SHORTCUTS.get(i)[1]));
        }
        Label title = new Label("Keyboard shortcuts");
        title.getStyleClass().add("lesson-header");
        Label note = new Label("Letters work when the cursor is not in a text field.");
        sheet = new VBox(10, title, grid, note);
        sheet.setId("shortcut-sheet");
        sheet.getStyleClass().add("shortcut-sheet");
        sheet.setPadding(new Insets(16, 20, 16, 20));
        popup.getContent().add(sheet);
        popup.setAutoHide(true);
    }

    void toggle(Node over) {
        if (popup.isShowing()) {
            popup.hide();
            return;
        }
        var bounds = over.localToScreen(over.getBoundsInLocal());
        sheet.getStyleClass().removeAll("dark");
        if (over.getStyleClass().contains("dark")) sheet.getStyleClass().add("dark");
        sheet.getStylesheets().setAll(over.getScene().getRoot().getStylesheets());
        popup.show(over, bounds.getMinX() + bounds.getWidth() / 2 - 260, bounds.getMinY() + 120);
    }

    boolean showing() {
        return popup.isShowing();
    }

    void hide() {
        popup.hide();
    }
}
