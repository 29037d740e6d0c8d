package dev.gilscope.ui;

import dev.gilscope.runtime.ComparisonResult;
import dev.gilscope.runtime.Mode;
import dev.gilscope.runtime.ResultFigures;
import dev.gilscope.runtime.RunRequest;
import dev.gilscope.runtime.RunRequest.Field;
import dev.gilscope.scenario.Lesson;
import dev.gilscope.scenario.LessonFile;
import dev.gilscope.trace.LaneState;
import dev.gilscope.workload.Workload;
import dev.gilscope.workload.Workloads;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Optional;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.stage.FileChooser;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import dev.gilscope.trace.EventKind;
import dev.gilscope.trace.Note;
import dev.gilscope.trace.export.SavedRun;

/**
 * The whole board: run controls on top, a row per mode on one time axis in the middle, the legend and
 * the replay bar below. A frame timer pulls one snapshot per live mode per frame and redraws what
 * changed; nothing in the runtime calls in here per event.
 */
public final class BoardView extends BorderPane {

    private final BoardModel model;
    private final BoardState state = new BoardState();
    private final RunForm form = new RunForm();
    private final List<ModeRowView> rowViews = new ArrayList<>();
    private final AxisPane axis = new AxisPane(state);
    /** Says, under the legend, that the cpython row is sampled and inferred rather than recorded. */
    private final Label cpythonLegend = new Label(String.format(java.util.Locale.ROOT,
            "cpython row: a real interpreter, not instrumented. Its threads are read from /proc every %.0f ms; the one "
                    + "that gained most CPU in a sample is drawn holding the lock, one asleep on a lock (a futex) waiting "
                    + "for it, one asleep elsewhere in I/O. Drop requests cannot be seen from outside.", dev.gilscope.runtime.RealPython.SAMPLE_PERIOD_NANOS / 1e6));
    private SummaryView summary;
    private final Map<Field, Control> fields = new EnumMap<>(Field.class);
    private final Map<Mode, CheckBox> modeBoxes = new EnumMap<>(Mode.class);
    private final Label problems = new Label();
    private final Label status = new Label();
    private final Label hoverInfo = new Label();
    private final Button runAll = new Button("▶ Run all");
    private final Button runOne = new Button("Run one");
    private final ChoiceBox<Mode> oneMode = new ChoiceBox<>();
    private final Button cancel = new Button("■ Cancel");
    private final Button play = new Button("▶ Replay");
    private final Slider scrubber = new Slider(0, 1, 0);
    private final ChoiceBox<ReplayClock.Speed> speed = new ChoiceBox<>();
    private final Label clock = new Label();
    private final FrameTimer frames = new FrameTimer();
    private final int machineCores = Runtime.getRuntime().availableProcessors();
    private boolean scrubbing;
    private long liveAxis;
    private final FlowPane legend = new FlowPane(12, 4);
    private final ToggleButton themeToggle = new ToggleButton("Dark");
    private final ToggleButton lessonsToggle = new ToggleButton("Lessons");
    private final ToggleButton presentToggle = new ToggleButton("Present");
    private boolean presentation;
    private boolean dark;
    private Node lockLine;
    private final Label callout = new Label();
    private final HBox noteBar = new HBox(8);
    private final Label noteWhere = new Label();
    private final TextField noteText = new TextField();
    private String noteMode = "";
    private long noteAt;
    private final SecondTry replaceRun = new SecondTry();
    private final Button nextHandoff = new Button("Next hand-off");
    private final Button nextDrop = new Button("Next drop request");
    private final ShortcutSheet shortcuts = new ShortcutSheet();
    private boolean shortcutPressed;
    private final javafx.event.EventHandler<KeyEvent> keys = this::onKey;
    /** Swallows the character of a letter shortcut, which would otherwise land in the field it focused (A → the note line). */
    private final javafx.event.EventHandler<KeyEvent> typedAfterShortcut = e -> {
        if (shortcutPressed) {
            shortcutPressed = false;
            e.consume();
        }
    };
    private final LessonPanel lessons;
    private final ScrollPane lessonsScroll;
    private final CheckBox liveToggle = new CheckBox("draw live");
    private final CheckBox forced = new CheckBox("forced switching");
    private long lastLiveRefresh;
    /**
     * How often live rows are redrawn: 10 times a second. Every redraw makes the toolkit render and
     * upload the window, which costs CPU the workers being measured would otherwise have; at 10 Hz the
     * window takes about a tenth of a core (software rendering), at 30 Hz three times that.
     */
    private static final long LIVE_REFRESH_NANOS = 100_000_000;

    public BoardView(BoardModel model) {
        this.model = model;
        getStyleClass().add("board");
        getStylesheets().add(BoardView.class.getResource("board.css").toExternalForm());
        lessons = new LessonPanel(new LessonPanel.Board() {
            @Override
            public void setUp(RunRequest request) {
                fillForm(request);
            }

            @Override
            public void setOption(String option, String value) {
                BoardView.this.setOption(option, value);
            }

            @Override
            public boolean runForm() {
                return runChecked(validateForm());
            }

            @Override
            public BoardModel model() {
                return model;
            }

            @Override
            public Palette palette() {
                return state.palette();
            }

            @Override
            public Optional<Path> chooseReportFile() {
                return choose(true, "Export the report (.html, or .md for Markdown)", "*.html", "*.md");
            }
        });
        lessonsScroll = new ScrollPane(lessons);
        lessonsScroll.setId("lessons-scroll");
        lessonsScroll.setFitToWidth(true);
        lessonsScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        lessonsScroll.setMinWidth(LessonPanel.WIDTH + 16);
        lessonsScroll.setPrefWidth(LessonPanel.WIDTH + 16);
        setTop(controls());
        setCenter(rows());
        setBottom(footer());
        showLessons(false);
        sceneProperty().addListener((o, was, scene) -> {
            if (was != null) {
                was.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
                was.removeEventFilter(KeyEvent.KEY_TYPED, typedAfterShortcut);
            }
            if (scene != null) {
                scene.addEventFilter(KeyEvent.KEY_PRESSED, keys);
                scene.addEventFilter(KeyEvent.KEY_TYPED, typedAfterShortcut);
            }
        });
        model.onChange(this::modelChanged);
        state.setHoverSink(text -> hoverInfo.setText(text));
        validateForm();
        modelChanged();
        frames.start();
    }

    public BoardModel model() {
        return model;
    }

    public BoardState state() {
        return state;
    }

    public RunForm form() {
        return form;
    }

    LessonPanel lessons() {
        return lessons;
    }

    /** Runs what the form says, as Run all does; false when the form is wrong (it says why) or a run is going. */
    boolean runNow() {
        return runChecked(validateForm());
    }

    /** Shows or hides the lesson browser beside the board. */
    public void showLessons(boolean show) {
        setRight(show ? lessonsScroll : null);
        lessonsToggle.setSelected(show);
    }

    /** Opens a lesson beside the board and sets the run up for it. */
    public void openLesson(Lesson lesson) {
        showLessons(true);
        lessons.choose(lesson);
    }

    /** Opens a teacher's exercise set beside the board; a malformed file is refused with its line. */
    public void openExerciseSet(Path file) {
        showLessons(true);
        lessons.openSetFile(file);
    }

    /** Opens a teacher's lesson file; a malformed one is refused with the line that is wrong. */
    public void openLessonFile(Path file) {
        showLessons(true);
        lessons.openFile(file);
    }

    /** The longest a frame took to prepare, and the longest gap between two frames, since the last reset. */
    public FrameTimer frames() {
        return frames;
    }

    /** Switches between the light and the dark theme. */
    public void setDark(boolean on) {
        dark = on;
        themeToggle.setSelected(on);
        applyLook();
    }

    /**
     * Presentation mode, for projectors and screen recordings: large type, thicker lanes, high contrast,
     * colour-blind-safe worker colours, only the rows that ran, and no scrolling at 1920×1080.
     */
    public void setPresentation(boolean on) {
        presentation = on;
        presentToggle.setSelected(on);
        lockLine.setVisible(!on);
        lockLine.setManaged(!on);
        lessons.setPresentation(on);
        applyLook();
        updateRowVisibility();
    }

    public boolean presentation() {
        return presentation;
    }

    /** The palette and style classes for the theme and presentation mode. */
    private void applyLook() {
        boolean darkLook = dark && !presentation; // a projector shows a light board best
        state.setLargeText(presentation);
        state.setPalette(presentation ? Palette.PRESENTATION : darkLook ? Palette.DARK : Palette.LIGHT);
        getStyleClass().removeAll("dark", "presentation");
        if (darkLook) getStyleClass().add("dark");
        if (presentation) getStyleClass().add("presentation");
        fillLegend();
        summary.styleCharts();
        lessons.refresh();
    }

    /** In presentation mode the rows of modes that were not run are left out, so the others get the room. */
    private void updateRowVisibility() {
        boolean cpythonShown = model.row(Mode.CPYTHON).status() != ModeRow.Status.NOT_RUN;
        cpythonLegend.setVisible(cpythonShown);
        cpythonLegend.setManaged(cpythonShown);
        for (ModeRowView v : rowViews) {
            // The cpython row shows once it has run: most boards never use it.
            boolean show = (!presentation && v.row().mode().emulated()) || v.row().status() != ModeRow.Status.NOT_RUN;
            if (v.isManaged() != show) {
                v.setVisible(show);
                v.setManaged(show);
            }
        }
    }

    /** The legend's colour chips, in the current palette. */
    private void fillLegend() {
        legend.getChildren().setAll(new Label("Worker lanes:"));
        for (LaneState s : LaneState.values()) legend.getChildren().add(chip(state.palette().state(s), s.label()));
        legend.getChildren().addAll(chip(state.palette().handoff(), "hand-off (tick on top)"),
                chip(state.palette().dropRequest(), "drop request (tick below)"),
                dottedChip(state.palette().mutedText(), "not recorded (the recording was full)"));
    }

    private static Node dottedChip(int colour, String text) {
        javafx.scene.shape.Line line = new javafx.scene.shape.Line(0, 0, 14, 0);
        line.setStroke(ChartPane.argb(colour));
        line.getStrokeDashArray().addAll(3.0, 3.0);
        Label label = new Label(text, line);
        label.getStyleClass().add("legend-chip");
        return label;
    }

    /** Sets the controls to what {@code result} was run with, so a picture or a reopened run says what it shows. */
    public void fillForm(ComparisonResult result) {
        Map<String, Object> p = ResultFigures.parameters(result);
        Map<Field, String> values = new EnumMap<>(Field.class);
        values.put(Field.WORKLOAD, result.workload().name());
        p.forEach((key, value) -> Field.byParameterName(key).ifPresent(f -> values.put(f, String.valueOf(value))));
        fillForm(values, result.settings().lock().forcedSwitching(), result.modes().stream().map(m -> m.mode()).toList());
    }

    /** The same for a saved run, from the parameters saved with it. */
    public void fillForm(String workload, Map<String, String> parameters, List<Mode> modes) {
        Map<Field, String> values = new EnumMap<>(Field.class);
        values.put(Field.WORKLOAD, workload);
        parameters.forEach((key, value) -> Field.byParameterName(key).ifPresent(f -> values.put(f, value)));
        fillForm(values, !"false".equals(parameters.get("forcedSwitching")), modes);
    }

    /** The same for a lesson's run: what the lesson does not set goes back to its default. */
    public void fillForm(RunRequest request) {
        RunRequest defaults = RunRequest.of(request.workload());
        Map<Field, String> values = new EnumMap<>(Field.class);
        values.put(Field.WORKLOAD, request.workload());
        values.put(Field.WORKERS, text(request.workers(), defaults.workers()));
        values.put(Field.TASKS, text(request.tasks(), null));
        values.put(Field.SIZE, text(request.size(), null));
        values.put(Field.CHUNK_SIZE, text(request.chunkSize(), null));
        values.put(Field.SWITCH_INTERVAL, text(request.switchIntervalMs(), defaults.switchIntervalMs()));
        values.put(Field.GIL, text(request.gil(), defaults.gil()));
        values.put(Field.LEGACY_TICKS, text(request.legacyTicks(), defaults.legacyTicks()));
        values.put(Field.CHECKPOINTS, text(request.checkpoints(), defaults.checkpoints()));
        values.put(Field.CORES, text(request.cores(), null));
        values.put(Field.POOL, text(request.pool(), defaults.pool()));
        fillForm(values, request.forcedSwitching(), request.check().modes());
    }

    private static String text(Object value, Object fallback) {
        Object shown = value != null ? value : fallback;
        return shown == null ? "" : String.valueOf(shown);
    }

    /** Sets one run setting, spelled as the command line's option ("switch-interval-ms", "forced-switching"). */
    void setOption(String option, String value) {
        if (option.equals(LessonFile.FORCED_SWITCHING)) forced.setSelected(Boolean.TRUE.equals(LessonFile.switchedOn(value)));
        else Field.byOptionName(option).ifPresent(f -> setField(f, value));
    }

    private void fillForm(Map<Field, String> values, boolean forcedSwitching, List<Mode> modes) {
        values.forEach(this::setField);
        forced.setSelected(forcedSwitching);
        modeBoxes.forEach((mode, box) -> box.setSelected(modes.contains(mode)));
    }

    @SuppressWarnings("unchecked") // the drop-downs of the form all hold strings
    private void setField(Field field, String value) {
        Control control = fields.get(field);
        String shown = field == Field.CORES && "all".equals(value) ? "" : value.endsWith(".0") ? value.substring(0, value.length() - 2) : value;
        if (control instanceof TextField text) text.setText(shown);
        else if (control instanceof ComboBox<?> combo && combo.isEditable()) ((ComboBox<String>) combo).getEditor().setText(shown);
        else if (control instanceof ComboBox<?> combo) ((ComboBox<String>) combo).setValue(shown);
        else if (control instanceof ChoiceBox<?> choice) ((ChoiceBox<String>) choice).setValue(shown);
    }

    // ---- controls -------------------------------------------------------------------------------

    private Node controls() {
        ComboBox<String> workload = new ComboBox<>();
        for (Workload w : Workloads.all()) workload.getItems().add(w.name());
        workload.setValue(form.workload);
        workload.setId("field-workload");
        workload.valueProperty().addListener((o, was, now) -> {
            form.workload = now;
            updateDefaults();
            validateForm();
        });
        fields.put(Field.WORKLOAD, workload);

        TextField tasks = textField(Field.TASKS, form.tasks, 90, v -> form.tasks = v);
        TextField size = textField(Field.SIZE, form.size, 100, v -> form.size = v);
        TextField chunk = textField(Field.CHUNK_SIZE, form.chunkSize, 60, v -> form.chunkSize = v);
        TextField workers = textField(Field.WORKERS, form.workers, 50, v -> form.workers = v);
        TextField interval = textField(Field.SWITCH_INTERVAL, form.switchIntervalMs, 60, v -> form.switchIntervalMs = v);
        TextField ticks = textField(Field.LEGACY_TICKS, form.legacyTicks, 60, v -> form.legacyTicks = v);
        TextField cores = textField(Field.CORES, form.cores, 60, v -> form.cores = v);
        cores.setPromptText("all");
        ChoiceBox<String> gil = choice(Field.GIL, RunForm.gilChoices(), form.gil, v -> form.gil = v);
        ChoiceBox<String> checkpoints = choice(Field.CHECKPOINTS, RunForm.checkpointChoices(), form.checkpoints,
                v -> form.checkpoints = v);
        ChoiceBox<String> pool = choice(Field.POOL, RunForm.poolChoices(), form.pool, v -> form.pool = v);
        form.python = PythonChoice.remembered();
        ComboBox<String> python = PythonChoice.field(form.python, v -> {
            form.python = v;
            validateForm();
        });
        fields.put(Field.PYTHON, python);
        ChoiceBox<String> cpythonAs = choice(Field.CPYTHON_AS, RunForm.cpythonStyles(), form.cpythonAs, v -> form.cpythonAs = v);
        Tooltip.install(python, new Tooltip("The Python the cpython mode runs: the path of a python program. "
                + "Empty: python3 on PATH, else the newest one installed."));
        Tooltip.install(cpythonAs, new Tooltip("How the real Python runs the program's tasks: in threads, a process pool, or one after another"));
        forced.setId("field-forced-switching");
        forced.setSelected(form.forcedSwitching);
        forced.selectedProperty().addListener((o, was, now) -> {
            form.forcedSwitching = now;
            validateForm();
        });
        Tooltip.install(forced, new Tooltip("CPython forces a switch: a thread asked to drop the lock waits until another has taken it"));
        updateDefaults();

        HBox modes = new HBox(8);
        modes.setAlignment(Pos.CENTER_LEFT);
        for (Mode mode : Mode.values()) {
            CheckBox box = new CheckBox(mode.cliName());
            box.setId("mode-" + mode.cliName());
            box.setSelected(form.modes.contains(mode));
            Tooltip.install(box, new Tooltip(mode.description()));
            box.selectedProperty().addListener((o, was, now) -> {
                Set<Mode> chosen = EnumSet.noneOf(Mode.class);
                modeBoxes.forEach((m, b) -> {
                    if (b.isSelected()) chosen.add(m);
                });
                form.modes = chosen;
                validateForm();
            });
            modeBoxes.put(mode, box);
            modes.getChildren().add(box);
        }

        runAll.setId("run-all");
        runAll.setDefaultButton(true);
        runAll.setOnAction(e -> runChecked(form.check()));
        oneMode.getItems().setAll(Mode.values());
        oneMode.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Mode mode) {
                return mode == null ? "" : mode.cliName();
            }

            @Override
            public Mode fromString(String name) {
                return Mode.byName(name).orElse(null);
            }
        });
        oneMode.setValue(Mode.GIL_THREADS);
        oneMode.setId("run-one-mode");
        runOne.setId("run-one");
        runOne.setOnAction(e -> runChecked(form.check(EnumSet.of(oneMode.getValue()))));
        cancel.setId("cancel");
        cancel.setOnAction(e -> model.cancel());
        MenuButton file = new MenuButton("File");
        file.setId("file-menu");
        file.getItems().addAll(
                menuItem("Open run…", "menu-open", () -> {
                    if (mayReplaceRun("Open")) choose(false, "Open a saved run", "*.json").ifPresent(this::showSavedRun);
                }),
                menuItem("Open lesson…", "menu-open-lesson", () -> choose(false, "Open a lesson file", "*.lesson")
                        .ifPresent(this::openLessonFile)),
                menuItem("Open exercise set…", "menu-open-exercises", () -> choose(false, "Open an exercise set", "*.exercises")
                        .ifPresent(this::openExerciseSet)),
                menuItem("Save run…", "menu-save", () -> choose(true, "Save the run", "*.json").ifPresent(this::saveRun)),
                menuItem("Export board as PNG…", "menu-png", () -> choose(true, "Export the board", "*.png").ifPresent(this::exportPng)),
                menuItem("Export board as SVG…", "menu-svg", () -> choose(true, "Export the board", "*.svg").ifPresent(this::exportSvg)),
                menuItem("Export CSV…", "menu-csv", () -> choose(true, "Export every segment as CSV", "*.csv").ifPresent(this::exportCsv)),
                menuItem("Export replay as MP4 video…", "menu-mp4", () -> choose(true, "Export the replay as a video", "*.mp4")
                        .ifPresent(this::exportVideo)),
                menuItem("Export replay as animated GIF…", "menu-gif", () -> choose(true, "Export the replay as a GIF", "*.gif")
                        .ifPresent(this::exportVideo)));
        liveToggle.setId("live-toggle");
        liveToggle.setSelected(true);
        Tooltip.install(liveToggle, new Tooltip("Draw the modes while they run. Drawing takes some CPU from the "
                + "workers being timed (about a tenth of a core with software rendering); untick for exact timings."));
        lessonsToggle.setId("lessons-toggle");
        lessonsToggle.setOnAction(e -> showLessons(lessonsToggle.isSelected()));
        Tooltip.install(lessonsToggle, new Tooltip("The lessons: predict, run, and see whether your prediction held"));
        themeToggle.setId("theme");
        themeToggle.selectedProperty().addListener((o, was, now) -> setDark(now));

        FlowPane workloadLine = flow(file, labelled("Workload", workload), labelled("Tasks", tasks), labelled("Size", size),
                labelled("Chunk", chunk), labelled("Workers", workers), spacer(), runAll, runOne, oneMode, cancel, spacer(),
                lessonsToggle, presentToggle, themeToggle);
        presentToggle.setId("presentation-toggle");
        presentToggle.setOnAction(e -> setPresentation(presentToggle.isSelected()));
        Tooltip.install(presentToggle, new Tooltip("Presentation mode (P): large type, thick lanes, high contrast, "
                + "colour-blind-safe colours; fits a 1920×1080 recording. Press ? for the keyboard shortcuts."));
        lockLine = flow(labelled("Switch interval ms", interval), labelled("Lock", gil),
                labelled("Ticks", ticks), forced, labelled("Check points", checkpoints), labelled("Cores", cores),
                labelled("Pool", pool), new Label("Modes:"), modes, liveToggle, pythonControls(python, cpythonAs));
        problems.setId("problems");
        problems.getStyleClass().add("problems");
        problems.setWrapText(true);
        status.setId("status");
        status.getStyleClass().add("status-line");
        VBox top = new VBox(4, workloadLine, lockLine, problems, status);
        top.setPadding(new Insets(8, 10, 4, 10));
        top.getStyleClass().add("controls");
        return top;
    }

    private static MenuItem menuItem(String text, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }

    private Optional<Path> choose(boolean save, String title, String... patterns) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        for (String pattern : patterns) chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(pattern, pattern));
        File file = save ? chooser.showSaveDialog(getScene().getWindow()) : chooser.showOpenDialog(getScene().getWindow());
        return Optional.ofNullable(file).map(File::toPath);
    }

    /** One line saying what the board shows, for pictures: workload and the settings that matter. */
    public String title() {
        RunForm.Check check = form.check();
        if (!check.ok()) return "gilscope";
        var r = check.request();
        return String.format(java.util.Locale.ROOT, "gilscope · %s · %d tasks × size %d · %d workers · %s GIL, switch interval %s ms",
                r.workload().name(), r.params().tasks(), r.params().size(), r.settings().workers(),
                r.settings().lock().algorithm().name().toLowerCase(java.util.Locale.ROOT),
                new java.math.BigDecimal(r.settings().lock().intervalNanos() / 1e6).stripTrailingZeros().toPlainString());
    }

    /** Writes the board as it is on screen as an SVG document. */
    public void exportSvg(Path file) {
        withFile("Could not write " + file, () -> {
            BoardSvg.write(BoardSvg.render(model, state, java.util.EnumSet.allOf(Mode.class), title(),
                    (int) Math.max(1200, getWidth()), (int) Math.max(700, getHeight())), file);
            model.say("Wrote the board to " + file);
        });
    }

    /** Writes one mode's row (figures and chart) as PNG or SVG. */
    public void exportRow(Mode mode, String format, Path file) {
        withFile("Could not write " + file, () -> {
            ModeRowView view = rowViews.get(mode.ordinal());
            if (format.equals("svg")) {
                BoardSvg.write(BoardSvg.render(model, state, java.util.EnumSet.of(mode), title(), (int) Math.max(1200, getWidth()),
                        (int) (view.getHeight() + 140)), file);
            } else {
                BoardPicture.writePng(view.snapshot(null, null), file);
            }
            model.say("Wrote the " + mode.cliName() + " row to " + file);
        });
    }

    /**
     * Films the replay of the run on the board (the last run made here, or the one opened) at the replay's
     * speed, as MP4 or GIF by the file's name: the part of the run in view when zoomed in, else all of it,
     * with the notes pinned to it. Drawn off-screen at 1920×1080 (in presentation mode if it is on) a frame
     * at a time, so the window stays usable; progress shows in the status line.
     */
    public void exportVideo(Path file) {
        ComparisonResult result = model.lastResult().orElse(null);
        SavedRun saved = model.opened().orElse(null);
        if ((result == null && saved == null) || model.running()) {
            model.say(model.running() ? "A video is made once the run has finished."
                    : "There is no run to film yet: run the comparison or open a saved run, then export its replay.");
            return;
        }
        boolean gif = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".gif");
        TimeWindow window = state.window();
        long from = window.following() ? 0 : Math.max(0, window.from());
        long to = window.following() ? Long.MAX_VALUE : window.to();
        ReplayVideo.Options options;
        try {
            options = new ReplayVideo.Options(gif ? ReplayVideo.Format.GIF : ReplayVideo.Format.MP4,
                    speed.getValue().factor(), from, to, 1920, 1080, dark, presentation);
        } catch (IllegalArgumentException e) {
            model.say("Could not film the replay: " + e.getMessage());
            return;
        }
        Lesson lesson = getRight() != null ? lessons.current() : null;
        List<Note> notes = model.notes();
        SavedRun savedWithNotes = saved == null ? null : new SavedRun(saved.info().withNotes(notes), saved.modes());
        model.writeInBackground("gilscope-video", "Writing " + file.getFileName() + " …", say -> {
            ReplayVideo.Progress progress = (written, total) -> {
                if (written % 10 == 0) say.accept("Writing " + file.getFileName() + ": frame " + written + " of " + total + " …");
            };
            if (result != null) ReplayVideo.write(result, lesson, notes, options, file, progress);
            else ReplayVideo.write(savedWithNotes, options, file, progress);
        }, () -> model.say("Wrote the replay to " + file + " (" + ReplayVideo.speedText(options.speed()) + " speed)"),
                "Could not write " + file);
    }

    /** Opens a saved run; a file gilscope cannot read leaves the board as it was and says why. */
    public void openRun(Path file) {
        if (mayReplaceRun("Open")) showSavedRun(file);
    }

    private void showSavedRun(Path file) {
        withFile("Could not open " + file.getFileName(), () -> {
            model.open(file);
            model.opened().ifPresent(this::fillForm);
            stopReplay();
            state.window().reset();
        });
    }

    /** Sets the controls to what a saved run was run with. */
    public void fillForm(SavedRun run) {
        fillForm(run.info().workload(), run.info().parameters(),
                run.modes().stream().flatMap(t -> Mode.byName(t.mode()).stream()).toList());
    }

    public void saveRun(Path file) {
        withFile("Could not save to " + file, () -> model.save(file));
    }

    public void exportCsv(Path file) {
        withFile("Could not export to " + file, () -> model.exportCsv(file));
    }

    /** Writes the board as it is on screen as a PNG picture. */
    public void exportPng(Path file) {
        withFile("Could not write " + file, () -> {
            BoardPicture.writePng(snapshot(null, null), file);
            model.say("Wrote the board to " + file);
        });
    }

    private interface FileWork {
        void run() throws IOException;
    }

    /** Reads or writes a file; what goes wrong is said in the status line, and the board stays as it was. */
    /** The cpython mode's interpreter and style, shown while its box is ticked. */
    private Node pythonControls(ComboBox<String> python, ChoiceBox<String> cpythonAs) {
        Node controls = new HBox(10, labelled("Python", python), labelled("as", cpythonAs));
        CheckBox cpython = modeBoxes.get(Mode.CPYTHON);
        controls.visibleProperty().bind(cpython.selectedProperty());
        controls.managedProperty().bind(cpython.selectedProperty());
        return controls;
    }

    private void withFile(String whatFailed, FileWork work) {
        try {
            work.run();
        } catch (IOException | RuntimeException e) {
            model.say(whatFailed + ": " + e.getMessage());
        }
    }

    private TextField textField(Field field, String initial, double width, java.util.function.Consumer<String> sink) {
        TextField text = new TextField(initial);
        text.setId("field-" + field.optionName());
        text.setPrefColumnCount(Math.max(3, (int) (width / 12)));
        text.setPrefWidth(width);
        text.textProperty().addListener((o, was, now) -> {
            sink.accept(now);
            validateForm();
        });
        fields.put(field, text);
        return text;
    }

    private ChoiceBox<String> choice(Field field, List<String> values, String initial, java.util.function.Consumer<String> sink) {
        ChoiceBox<String> box = new ChoiceBox<>();
        box.getItems().setAll(values);
        box.setValue(initial);
        box.setId("field-" + field.optionName());
        box.valueProperty().addListener((o, was, now) -> {
            sink.accept(now);
            validateForm();
        });
        fields.put(field, box);
        return box;
    }

    private static Node labelled(String label, Node control) {
        Label l = new Label(label);
        l.setLabelFor(control);
        HBox box = new HBox(4, l, control);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static FlowPane flow(Node... nodes) {
        FlowPane pane = new FlowPane(10, 6, nodes);
        pane.setAlignment(Pos.CENTER_LEFT);
        return pane;
    }

    private static Region spacer() {
        Region r = new Region();
        r.setMinWidth(12);
        return r;
    }

    /** Blank numbers run with the workload's defaults: show them as prompts. */
    private void updateDefaults() {
        Workloads.byName(form.workload).ifPresent(w -> {
            ((TextField) fields.get(Field.TASKS)).setPromptText(String.valueOf(w.defaults().tasks()));
            ((TextField) fields.get(Field.SIZE)).setPromptText(String.valueOf(w.defaults().size()));
            ((TextField) fields.get(Field.CHUNK_SIZE)).setPromptText(String.valueOf(w.defaults().chunkSize()));
            Tooltip.install(fields.get(Field.SIZE), new Tooltip(w.sizeMeaning()));
            Tooltip.install(fields.get(Field.WORKLOAD), new Tooltip(w.summary()));
        });
    }

    /** Marks wrong fields and says why; Run stays disabled until the form is right. */
    private RunForm.Check validateForm() {
        RunForm.Check check = form.check();
        fields.forEach((field, control) -> {
            control.getStyleClass().remove("invalid");
            if (check.problems().containsKey(field)) control.getStyleClass().add("invalid");
        });
        modeBoxes.values().forEach(b -> {
            b.getStyleClass().remove("invalid");
            if (check.problems().containsKey(Field.MODES)) b.getStyleClass().add("invalid");
        });
        problems.setText(check.message());
        problems.setVisible(!check.ok());
        problems.setManaged(!check.ok());
        updateButtons(check.ok());
        return check;
    }

    private void updateButtons(boolean formOk) {
        runAll.setDisable(!formOk || model.running());
        runOne.setDisable(form.check(EnumSet.of(oneMode.getValue())).problems().size() > 0 || model.running());
        cancel.setDisable(!model.running());
        play.setDisable(model.running() || (model.lastResult().isEmpty() && model.opened().isEmpty()));
    }

    /** Starts the run the form describes; false when the form is wrong (it says why) or a run is going. */
    private boolean runChecked(RunForm.Check check) {
        if (!check.ok() || model.running()) return false;
        if (!mayReplaceRun("Run")) return false;
        stopReplay();
        state.window().reset();
        if (check.request().modes().contains(Mode.CPYTHON)) PythonChoice.remember(form.python);
        model.run(check.request());
        return true;
    }

    private void modelChanged() {
        status.setText(model.status());
        if (summary != null) summary.update();
        updateButtons(form.check().ok());
        if (lessons != null) lessons.modelChanged();
        updateRowVisibility();
    }

    // ---- rows -----------------------------------------------------------------------------------

    private Node rows() {
        VBox column = new VBox(6);
        column.setPadding(new Insets(4, 10, 4, 10));
        HBox axisLine = new HBox(gap(ModeRowView.FIGURES_WIDTH), axis);
        HBox.setHgrow(axis, Priority.ALWAYS);
        column.getChildren().add(axisLine);
        for (Mode mode : Mode.values()) {
            ModeRowView view = new ModeRowView(model.row(mode), model, state, new ModeRowView.RowActions() {
                @Override
                public void export(ModeRow row, String format) {
                    choose(true, "Export the " + row.mode().cliName() + " row", "*." + format)
                            .ifPresent(file -> exportRow(row.mode(), format, file));
                }

                @Override
                public void pinNote(ModeRow row, long atNanos) {
                    askForNote(row.mode().cliName(), atNanos);
                }
            });
            rowViews.add(view);
            column.getChildren().add(view);
        }
        summary = new SummaryView(model, state);
        column.getChildren().add(summary);
        ScrollPane scroll = new ScrollPane(column);
        scroll.setFitToWidth(true);
        scroll.setId("rows");
        scroll.getStyleClass().add("rows");
        // The scroll pane caches its content as one picture, which every live redraw would throw away and
        // repaint whole (all rows and the summary). Without the cache only what changed is repainted.
        scroll.skinProperty().addListener((o, was, skin) -> {
            if (skin != null && scroll.lookup(".viewport") instanceof Node viewport) viewport.setCache(false);
        });
        return scroll;
    }

    private static Region gap(double width) {
        Region r = new Region();
        r.setMinWidth(width);
        r.setPrefWidth(width);
        return r;
    }

    public List<ChartPane> charts() {
        return rowViews.stream().map(ModeRowView::chart).toList();
    }

    // ---- legend, replay, hover line --------------------------------------------------------------

    private Node footer() {
        legend.setId("legend");
        fillLegend();
        FlowPane coreLegend = new FlowPane(12, 4, new Label("Core lanes:"),
                new Label("worker's colour = computing · striped = serializing data · empty = idle (a thread waiting for the lock sleeps: its core is free)"));
        coreLegend.setId("core-legend");
        cpythonLegend.setId("cpython-legend");
        cpythonLegend.setWrapText(true);
        cpythonLegend.setVisible(false);
        cpythonLegend.setManaged(false);

        play.setId("replay-play");
        play.setOnAction(e -> togglePlay());
        scrubber.setId("replay-slider");
        HBox.setHgrow(scrubber, Priority.ALWAYS);
        scrubber.valueProperty().addListener((o, was, now) -> {
            if (scrubbing) return;
            state.replay().seek(Math.round(now.doubleValue()));
            state.replayMoved();
        });
        speed.getItems().setAll(ReplayClock.Speed.values());
        speed.setValue(ReplayClock.Speed.FULL);
        speed.setId("replay-speed");
        speed.valueProperty().addListener((o, was, now) -> state.replay().setSpeed(now));
        Button showAll = new Button("Show all");
        showAll.setId("replay-stop");
        showAll.setOnAction(e -> {
            stopReplay();
            state.replayMoved();
            play.setText("▶ Replay");
        });
        clock.setId("replay-clock");
        clock.setMinWidth(90);
        nextHandoff.setId("replay-next-handoff");
        nextHandoff.setOnAction(e -> stepTo(EventKind.HANDOFF));
        Tooltip.install(nextHandoff, new Tooltip("Move the replay to the next time the lock changes hands (N)"));
        nextDrop.setId("replay-next-drop");
        nextDrop.setOnAction(e -> stepTo(EventKind.DROP_REQUEST));
        Tooltip.install(nextDrop, new Tooltip("Move the replay to the next drop request (Shift+N)"));
        callout.setId("callout");
        callout.getStyleClass().add("callout");
        callout.setWrapText(true);
        HBox replayBar = new HBox(8, play, speed, scrubber, clock, nextHandoff, nextDrop, showAll);
        replayBar.setAlignment(Pos.CENTER_LEFT);
        hoverInfo.setId("hover-info");
        hoverInfo.getStyleClass().add("hover-info");
        VBox footer = new VBox(4, replayBar, noteBar(), callout, legend, coreLegend, cpythonLegend, hoverInfo);
        footer.setPadding(new Insets(4, 10, 8, 10));
        footer.getStyleClass().add("footer");
        return footer;
    }

    private static Node chip(int colour, String text) {
        Rectangle swatch = new Rectangle(14, 10, ChartPane.argb(colour));
        Label label = new Label(text, swatch);
        label.getStyleClass().add("legend-chip");
        return label;
    }

    // ---- the presenter's notes ------------------------------------------------------------------

    private Node noteBar() {
        noteBar.setId("note-bar");
        noteBar.setAlignment(Pos.CENTER_LEFT);
        noteWhere.setId("note-where");
        noteText.setId("note-text");
        noteText.setPromptText("What happens here? One line, up to " + Note.MAX_CHARS + " characters");
        HBox.setHgrow(noteText, Priority.ALWAYS);
        noteText.setOnAction(e -> pinNote());
        Button pin = new Button("Pin");
        pin.setId("note-pin");
        pin.setDefaultButton(false);
        pin.setOnAction(e -> pinNote());
        Button close = new Button("Cancel");
        close.setId("note-cancel");
        close.setOnAction(e -> closeNoteBar());
        noteBar.getChildren().setAll(noteWhere, noteText, pin, close);
        noteBar.setVisible(false);
        noteBar.setManaged(false);
        return noteBar;
    }

    /** Opens the note line under the replay bar for a note at {@code atNanos} on {@code mode}'s row ("" = every row). */
    void askForNote(String mode, long atNanos) {
        noteMode = mode;
        noteAt = atNanos;
        noteWhere.setText("Note at " + Durations.moment(atNanos) + (mode.isEmpty() ? " on every row:" : " on " + mode + ":"));
        noteText.clear();
        noteBar.setVisible(true);
        noteBar.setManaged(true);
        noteText.requestFocus();
    }

    /** A: a note at the replay's clock on every row, for the presenter who paused on a moment. */
    private void noteAtReplay() {
        if (state.replay().active()) askForNote("", state.replay().position());
        else model.say("Pause the replay where the note belongs and press A, or right-click a row at that moment.");
    }

    private void pinNote() {
        try {
            model.pin(new Note(noteAt, noteMode, noteText.getText()));
            closeNoteBar();
        } catch (IllegalArgumentException | IllegalStateException e) {
            model.say("Could not pin the note: " + e.getMessage());
        }
    }

    private void closeNoteBar() {
        noteBar.setVisible(false);
        noteBar.setManaged(false);
    }

    /**
     * Whether {@code action} may replace the run on the board. With notes not saved yet, the first try
     * says so and does nothing; trying again goes ahead and the notes go with the run.
     */
    private boolean mayReplaceRun(String action) {
        if (!replaceRun.allows(action, model.notesUnsaved(), model.notesVersion())) {
            model.say("The notes on this run have changes that are not saved yet. Save the run (File → Save run…) to "
                    + "keep them, or " + action + " again to drop them.");
            return false;
        }
        closeNoteBar(); // it belongs to the run being replaced
        return true;
    }

    /** Whether the window may close: notes not saved and exercise answers not in a report ask once first. */
    public boolean mayClose() {
        return mayReplaceRun("close the window") && lessons.mayLeave("close the window");
    }

    /**
     * Moves the replay to the next hand-off or drop request after its clock, pauses there and says what
     * happened: a 5 ms switch, one step at a time.
     */
    void stepTo(EventKind kind) {
        ReplayClock replay = state.replay();
        long from = replay.active() ? replay.position() : -1;
        var moment = Moments.next(model.rows(), from, kind);
        String what = kind == EventKind.HANDOFF ? "hand-off" : "drop request";
        if (moment.isEmpty()) {
            model.say(from < 0 ? "This run has no " + what + "s." : "No " + what + " after " + Durations.moment(from) + ".");
            return;
        }
        replay.pause();
        replay.seek(moment.get().atNanos());
        state.replayMoved();
        play.setText("▶ Replay");
        callout.setText(withNote(moment.get().callout(), moment.get().atNanos(), speed.getValue().factor()));
    }

    /**
     * Holds the replay at {@code nanos} and names the latest hand-off or drop request, as playing would:
     * one frame of a video.
     */
    void showReplayAt(long nanos, double replaySpeed) {
        ReplayClock replay = state.replay();
        replay.pause();
        replay.seek(nanos);
        state.replayMoved();
        callout.setText(calloutAt(nanos, replaySpeed));
    }

    /** The latest hand-off or drop request near {@code nanos}, under the note pinned just before it, if any. */
    private String calloutAt(long nanos, double replaySpeed) {
        return withNote(Moments.latest(model.rows(), nanos, CALLOUT_MEMORY_NANOS).map(Moments.Moment::callout).orElse(""),
                nanos, replaySpeed);
    }

    /**
     * {@code text} under the latest note at or before {@code nanos} that is still being read: a note stays
     * up for 4 seconds on screen, however slow the replay, or until the next note.
     */
    private String withNote(String text, long nanos, double replaySpeed) {
        List<Note> notes = model.notes();
        long reading = Math.round(NOTE_SCREEN_NANOS * replaySpeed);
        for (int i = notes.size() - 1; i >= 0; i--) {
            Note note = notes.get(i);
            if (note.atNanos() > nanos) continue;
            if (nanos - note.atNanos() > reading) break;
            String line = "✎ " + (i + 1) + " · " + note.text();
            return text.isEmpty() ? line : line + "\n" + text;
        }
        return text;
    }

    /** How long a note stays in the callout during a replay: 4 seconds of screen time. */
    private static final long NOTE_SCREEN_NANOS = 4_000_000_000L;

    /** How long a callout stays up after its event while the replay plays: 20 ms of the run. */
    private static final long CALLOUT_MEMORY_NANOS = 20_000_000;

    /** The length of the longest mode on the board: the end of the replay. */
    long replayEnd() {
        return longestMode();
    }

    /** While the replay plays, the callout names the latest hand-off or drop request (within 20 ms of the clock). */
    private void updateCallout(ReplayClock replay) {
        if (!replay.active()) {
            if (!callout.getText().isEmpty()) callout.setText("");
            return;
        }
        if (!replay.playing()) return; // paused: keep what the step or the last frame said
        String text = calloutAt(replay.position(), speed.getValue().factor());
        if (!text.equals(callout.getText())) callout.setText(text);
    }

    /** Keyboard shortcuts (the sheet lists them; ? shows it). Letters do nothing while typing in a field. */
    private void onKey(KeyEvent e) {
        boolean typing = getScene().getFocusOwner() instanceof TextInputControl;
        KeyCode code = e.getCode();
        Runnable action = switch (code) {
            case F5 -> this::runShortcut;
            case ENTER -> e.isControlDown() ? this::runShortcut : null;
            case F1 -> () -> shortcuts.toggle(this);
            case ESCAPE -> this::escape;
            case F11 -> () -> setPresentation(!presentation);
            default -> null;
        };
        if (action == null && !typing && !e.isControlDown() && !e.isAltDown()) {
            action = switch (code) {
                case P -> () -> setPresentation(!presentation);
                case R -> () -> { if (!play.isDisabled()) togglePlay(); };
                case S -> this::nextSpeed;
                case A -> this::noteAtReplay;
                case N -> () -> stepTo(e.isShiftDown() ? EventKind.DROP_REQUEST : EventKind.HANDOFF);
                case L -> () -> {
                    showLessons(true);
                    if (!model.running()) lessons.step(e.isShiftDown() ? -1 : 1);
                };
                case SLASH -> e.isShiftDown() ? () -> shortcuts.toggle(this) : null;
                default -> null;
            };
        }
        if (action == null && !typing && "?".equals(e.getText())) action = () -> shortcuts.toggle(this);
        shortcutPressed = false;
        if (action != null) {
            shortcutPressed = !e.getText().isEmpty();
            action.run();
            e.consume();
        }
    }

    /** F5: the open lesson's run once there is a prediction, otherwise Run all. */
    private void runShortcut() {
        if (getRight() != null && lessons.session().mayRun()) lessons.runLesson();
        else runChecked(validateForm());
    }

    private void escape() {
        if (shortcuts.showing()) shortcuts.hide();
        else if (noteBar.isVisible()) closeNoteBar();
        else if (model.running()) model.cancel();
        else if (state.replay().active()) stopReplay();
    }

    private void nextSpeed() {
        ReplayClock.Speed[] speeds = ReplayClock.Speed.values();
        speed.setValue(speeds[(speed.getValue().ordinal() + 1) % speeds.length]);
        model.say("Replay speed " + speed.getValue());
    }

    /** Leaves the replay: every row shows everything again. */
    private void stopReplay() {
        state.replay().stop();
        state.replayMoved();
        play.setText("▶ Replay");
    }

    private void togglePlay() {
        ReplayClock replay = state.replay();
        if (replay.playing()) {
            replay.pause();
            play.setText("▶ Replay");
        } else {
            replay.play(longestMode());
            play.setText("❚❚ Pause");
        }
        state.replayMoved();
    }

    private long longestMode() {
        long longest = 0;
        for (ModeRowView v : rowViews) longest = Math.max(longest, v.row().durationNanos());
        return longest;
    }

    // ---- the frame loop -------------------------------------------------------------------------

    /** Brings everything that catches up over several frames up to date at once (pictures draw one frame). */
    void finishPendingWork() {
        if (summary == null) return;
        summary.update();
        summary.finishPending();
    }

    /** Runs once per frame on the UI thread: pulls snapshots of live modes and redraws what changed. */
    void frame(long elapsedNanos) {
        long now = System.nanoTime();
        if (now - lastLiveRefresh >= LIVE_REFRESH_NANOS) {
            lastLiveRefresh = now;
            for (ModeRowView v : rowViews) {
                if (v.row().live() && liveToggle.isSelected()) v.row().refresh();
            }
        }
        long extent = longestMode();
        if (extent > 0) state.window().setExtent(axisExtent(extent)); // before any run the axis keeps its first second
        ReplayClock replay = state.replay();
        if (replay.tick(elapsedNanos, extent)) {
            state.replayMoved();
            if (!replay.playing()) play.setText("▶ Replay");
        }
        scrubbing = true;
        if (!model.running()) scrubber.setMax(Math.max(1, extent)); // not live: a slider redrawn each frame costs frames
        if (replay.active()) scrubber.setValue(replay.position());
        scrubbing = false;
        clock.setText(replay.active() ? Durations.moment(replay.position()) : "");
        updateCallout(replay);
        int cores = machineCores;
        for (ModeRowView v : rowViews) cores = Math.max(cores, v.row().coresSeen());
        fitLanesToHeight(cores);
        if (summary != null) summary.step();
        axis.redrawIfNeeded();
        for (ModeRowView v : rowViews) {
            v.refreshFigures();
            v.chart().redrawIfNeeded(cores);
        }
    }

    /**
     * The axis length for the longest mode so far. While a run is live it grows in steps of half again,
     * not with every frame: a new axis redraws every row, an unchanged one only the live row.
     */
    private long axisExtent(long longest) {
        if (!model.running()) {
            liveAxis = 0;
            return longest;
        }
        if (longest > liveAxis) liveAxis = Math.max(longest + longest / 2, 500_000_000L);
        return liveAxis;
    }

    /** Thickens the lanes so the rows fill the space they have (up to 2.5×): a board made to be looked at from afar. */
    private void fitLanesToHeight(int cores) {
        ScrollPane scroll = (ScrollPane) getCenter();
        double available = scroll.getViewportBounds().getHeight() - AxisPane.HEIGHT - rowViews.size() * 16
                - SummaryView.HEIGHT - 56;
        if (available <= 0) return;
        double needed = 0;
        int shown = 0;
        for (ModeRowView v : rowViews) {
            if (!v.isManaged()) continue;
            needed += v.chart().unscaledHeight(cores);
            shown++;
        }
        available += (rowViews.size() - shown) * 16;
        double scale = presentation ? Math.clamp(available / needed, 1.2, 3.5) : Math.clamp(available / needed, 1, 2.5);
        if (Math.abs(scale - state.laneScale()) > 0.03) state.setLaneScale(Math.floor(scale * 20) / 20);
    }

    /** Drives {@link #frame} and measures it: how long frames take and the longest gap between two. */
    public final class FrameTimer extends AnimationTimer {
        private long last;
        private volatile long longestFrameNanos;
        private volatile long longestGapNanos;
        private volatile long frames;

        @Override
        public void handle(long now) {
            long elapsed = last == 0 ? 0 : now - last;
            long begin = System.nanoTime();
            frame(elapsed);
            long took = System.nanoTime() - begin;
            if (last != 0) longestGapNanos = Math.max(longestGapNanos, elapsed);
            longestFrameNanos = Math.max(longestFrameNanos, took);
            frames++;
            last = now;
        }

        public long longestFrameNanos() {
            return longestFrameNanos;
        }

        public long longestGapNanos() {
            return longestGapNanos;
        }

        public long frames() {
            return frames;
        }

        public void resetStatistics() {
            longestFrameNanos = 0;
            longestGapNanos = 0;
            frames = 0;
        }
    }
}
