package dev.gilscope.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.gilscope.workload.Workload;
import dev.gilscope.workload.Workloads;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The command line as a user types it: output, exit codes and the messages for bad input. */
class CommandLineTest {

    record Result(int exitCode, String out, String err) {}

    static Result gilscope(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = GilscopeCommand.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--workload nope                                      | --workload 'nope' is not known; choose one of: count-primes",
        "--workload count-primes --modes sequential,bogus     | --modes names 'bogus', which is not a mode; choose from: sequential",
        "--workload count-primes --workers 0                  | --workers 0 is out of range; use 1 to 256",
        "--workload count-primes --workers 257                | --workers 257 is out of range; use 1 to 256",
        "--workload count-primes --tasks 0                    | --tasks 0 must be at least 1",
        "--workload count-primes --size -5                    | --size -5 is out of range for count-primes",
        "--workload count-primes --chunk-size -1              | --chunk-size -1 must be at least 1",
        "--workload count-primes --switch-interval-ms 0       | --switch-interval-ms 0.0 is out of range",
        "--workload count-primes --gil old                    | --gil 'old' is not known; use new or legacy",
        "--workload count-primes --pool hot                   | --pool 'hot' is not known; use cold or warm",
        "--workload count-primes --checkpoints sometimes      | --checkpoints 'sometimes' is not known",
        "--workload count-primes --cores 0,999                | names core(s) 999 that this process cannot use",
        "--workload count-primes --cores zero                 | is not a core list",
        "--workload count-primes --trace /no/such/dir/t.json  | folder /no/such/dir does not exist",
        "--workload count-primes --workers two                | Invalid value for option '--workers': 'two' is not an int",
        "--workers 2                                          | Missing required option: '--workload=W'",
        "--workload sum-squares --tasks 100 --size 100000000  | sum-squares",
        "--workload count-primes --tasks 20000000             | --tasks 20000000 is too large; use at most 10000000",
    })
    void badInputIsOneClearLineAndExitCode2(String args, String expected) {
        List<String> argv = new ArrayList<>(List.of("run"));
        argv.addAll(List.of(args.trim().split("\\s+")));
        Result r = gilscope(argv.toArray(String[]::new));
        assertAll(
                () -> assertEquals(2, r.exitCode(), r.err()),
                () -> assertTrue(r.err().contains(expected), "stderr was: " + r.err()),
                () -> assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err()),
                () -> assertTrue(r.err().lines().count() <= 2, "at most the message and a hint: " + r.err()),
                () -> assertEquals("", r.out(), "nothing on stdout"));
    }

    @ParameterizedTest
    @CsvSource({"run", "workloads", "lessons", "pythons", "calibrate", "bench", "snapshot", "video", "window"})
    void everyCommandExplainsItself(String command) {
        // picocli reports a description it cannot format (a lone '%') on System.err, not on the command's stream
        PrintStream systemErr = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        Result r;
        try {
            System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
            r = gilscope(command, "--help");
        } finally {
            System.setErr(systemErr);
        }
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("Usage: gilscope " + command), r.out());
        assertEquals("", warnings.toString(StandardCharsets.UTF_8), "the help prints without warnings");
    }

    @Test
    void workloadsListsEveryWorkloadWithItsDefaults() {
        Result r = gilscope("workloads");
        assertEquals(0, r.exitCode());
        for (Workload w : Workloads.all()) {
            assertTrue(r.out().contains(w.name()), w.name() + " missing from: " + r.out());
            assertTrue(r.out().contains("--size " + w.defaults().size()), r.out());
        }
    }

    @Test
    void jsonReportHasOneResultPerModeWithTheDocumentedFields() throws IOException {
        Result r = gilscope("run", "--workload", "count-primes", "--tasks", "2", "--size", "30000", "--json");
        assertEquals(0, r.exitCode(), r.err());
        List<Map<String, Object>> results = parseResults(r.out());
        assertEquals(List.of("sequential", "gil-threads", "free-threads", "processes"),
                results.stream().map(m -> m.get("mode")).toList());
        for (Map<String, Object> m : results) {
            for (String field : List.of("wallSeconds", "cpuSeconds", "speedup", "resultOk", "handoffs", "dropRequests",
                    "spawnSeconds", "serializeSeconds", "bytesTransferred",
                    "lockWaitFraction", "lostUpdates", "ioLatencyMillis", "lockWaitMillis", "handoffLatencyMicros",
                    "lanes", "droppedEvents")) {
                assertTrue(m.containsKey(field), field + " missing in " + m);
            }
            assertEquals(true, m.get("resultOk"), m.toString());
            assertEquals(null, m.get("lostUpdates"), "does not apply to count-primes");
        }
        assertEquals(1.0, (Double) results.get(0).get("speedup"), 1e-9);
        assertEquals(null, results.get(2).get("handoffs"), "free threads have no lock");
        assertEquals(null, results.get(2).get("lockWaitMillis"), "free threads have no lock");
        assertEquals("object", results.get(1).get("lockWaitMillis"));
        assertEquals("array", results.get(1).get("lanes"));
        assertTrue(((Number) results.get(1).get("handoffs")).longValue() >= 0);
        assertTrue(r.err().contains("[4/4] processes"), "progress goes to stderr: " + r.err());
        assertEquals(null, results.get(1).get("spawnSeconds"), "threads are not spawned as processes");
        assertTrue((Double) results.get(3).get("spawnSeconds") > 0, "processes pay for starting");
        assertTrue((Long) results.get(3).get("bytesTransferred") > 0, "processes ship tasks and results");
    }

    @Test
    void aRecordingCapSmallerThanTheRunIsReportedPerModeWithExactFigures() {
        // 4 threads handing the lock over every microsecond record faster than 60,000 events allow.
        Result r = gilscope("run", "--workload", "count-primes", "--modes", "gil-threads", "--workers", "4",
                "--tasks", "40", "--size", "300000", "--switch-interval-ms", "0.001", "--max-events", "60000");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().matches("(?s).*\\ngil-threads: recording full at \\d+\\.\\d s: [\\d,]+ events not kept.*"
                + "the cap is 60,000 events a mode; the counts and times above are exact.*"), r.out());
        assertTrue(r.out().contains("ok  25,997 primes below 300,000, 40 times"), "the run itself is whole: " + r.out());

        // Worker processes keep a share of the cap each and report where they ran out with their results.
        Result processes = gilscope("run", "--workload", "count-primes", "--modes", "processes", "--workers", "2",
                "--tasks", "2", "--size", "20000", "--max-events", "16000");
        assertEquals(0, processes.exitCode(), processes.err());
        assertTrue(processes.out().matches("(?s).*\\nprocesses: recording full at \\d+\\.\\d s: [\\d,]+ events not kept.*"),
                processes.out());
    }

    @Test
    void theCpythonModeNeedsAPythonAndSaysHowToGiveOne() {
        Result missing = gilscope("run", "--workload", "count-primes", "--modes", "cpython", "--python", "/no/such/python3");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("--python /no/such/python3: no such file; give the path of a python program"), missing.err());
        Result style = gilscope("run", "--workload", "count-primes", "--modes", "cpython", "--cpython-as", "fibers");
        assertEquals(2, style.exitCode());
        assertTrue(style.err().contains("--cpython-as 'fibers' is not known; use sequential, threads, processes"), style.err());
    }

    @Test
    void aCpythonRowNamesItsInterpreterInTheTableAndTheJson() throws IOException {
        var python = dev.gilscope.runtime.PythonInterpreter.preferred();
        org.junit.jupiter.api.Assumptions.assumeTrue(python.isPresent(), "no Python on this machine to run the cpython mode with");
        Result r = gilscope("run", "--workload", "count-primes", "--tasks", "2", "--size", "30000", "--modes", "sequential,cpython",
                "--json");
        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> cpython = parseResults(r.out()).get(1);
        assertEquals("cpython", cpython.get("mode"));
        assertEquals(true, cpython.get("resultOk"), String.valueOf(cpython.get("failure")));
        assertEquals(python.get().label(), cpython.get("interpreter"));
        assertEquals("threads", cpython.get("cpythonAs"));
        assertEquals(null, cpython.get("speedup"), "a real interpreter's speed is not the emulation's: no speed-up over its sequential");
        Result table = gilscope("run", "--workload", "count-primes", "--tasks", "2", "--size", "30000", "--modes", "cpython");
        assertTrue(table.out().contains("cpython: " + python.get().label()), table.out());
        assertTrue(table.out().contains("Its lock figures are inferred"), table.out());
    }

    @Test
    void calibrateSetsTheEmulationBesideARealPython() {
        var python = dev.gilscope.runtime.PythonInterpreter.preferred();
        org.junit.jupiter.api.Assumptions.assumeTrue(python.isPresent(), "no Python on this machine to calibrate against");
        Result r = gilscope("calibrate", "--quick", "--python", python.get().path().toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("emulation  ") && r.out().contains("CPython") && r.out().contains("agree?"), r.out());
        for (String lesson : new String[] {"L1", "L5", "L6", "L9"}) {
            assertTrue(r.out().lines().anyMatch(line -> line.startsWith(lesson + " ") && line.contains(python.get().version())),
                    lesson + " row for " + python.get().version() + " in: " + r.out());
        }
        assertTrue(r.out().contains("from CPython by more than 25%") || r.out().contains("within 25% on every figure"), r.out());
        Result missing = gilscope("calibrate", "--python", "/no/such/python");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("--python no file at /no/such/python"), missing.err());
    }

    @Test
    void theWindowCommandRefusesWhatItCannotDoBeforeOpeningAWindow() {
        Result lesson = gilscope("window", "--lesson", "L99");
        assertEquals(2, lesson.exitCode());
        assertTrue(lesson.err().contains("--lesson 'L99' is not a built-in lesson; choose one of: L1, L2"), lesson.err());
        Result quit = gilscope("window", "--quit-when-done");
        assertEquals(2, quit.exitCode());
        assertTrue(quit.err().contains("--quit-when-done needs --run"), quit.err());
    }

    @Test
    void tableShowsLostUpdatesForTheSharedCounter() {
        Result r = gilscope("run", "--workload", "shared-counter", "--size", "20000", "--checkpoints", "every-step",
                "--modes", "gil-threads,free-threads");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("lost updates"), r.out());
        assertTrue(r.out().contains("check points at every step"), r.out());
    }

    /** Reads the "results" array into maps of field → value (numbers as Double/Long, null kept). */
    private static List<Map<String, Object>> parseResults(String json) throws IOException {
        List<Map<String, Object>> results = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(json)) {
            while (p.nextToken() != null) {
                if (p.currentToken() == JsonToken.FIELD_NAME && "results".equals(p.currentName())) {
                    p.nextToken();
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        Map<String, Object> m = new HashMap<>();
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String name = p.currentName();
                            JsonToken v = p.nextToken();
                            m.put(name, switch (v) {
                                case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
                                case VALUE_NUMBER_INT -> p.getLongValue();
                                case VALUE_TRUE -> true;
                                case VALUE_FALSE -> false;
                                case VALUE_NULL -> null;
                                case START_OBJECT -> { p.skipChildren(); yield "object"; }
                                case START_ARRAY -> { p.skipChildren(); yield "array"; }
                                default -> p.getText();
                            });
                        }
                        results.add(m);
                    }
                }
            }
        }
        return results;
    }

    @Test
    void snapshotWritesTheBoardAsAPictureWithoutADisplay(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path png = dir.resolve("board.png");
        Result r = gilscope("snapshot", "--workload", "count-primes", "--tasks", "2", "--size", "50000",
                "--modes", "sequential,gil-threads", "--width", "1280", "--height", "720", "--out", png.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.out(), "stdout stays clean");
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(1280, image.getWidth());
        assertEquals(720, image.getHeight());
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) colours.add(image.getRGB(x, y));
        }
        assertTrue(colours.size() > 20, "a board, not a blank picture: " + colours.size() + " colours");
    }

    @Test
    void snapshotWritesSvgForSlides(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Path svg = dir.resolve("board.svg");
        Result r = gilscope("snapshot", "--workload", "count-primes", "--tasks", "2", "--size", "50000",
                "--modes", "sequential,gil-threads", "--svg", "--out", svg.toString());
        assertEquals(0, r.exitCode(), r.err());
        String text = java.nio.file.Files.readString(svg);
        assertTrue(text.contains("<svg"), "an SVG document");
        assertTrue(text.contains("gilscope · count-primes · 2 tasks"), "titled with what it shows");
        assertTrue(text.contains(">gil-threads<") && text.contains(">T2<"), "rows and lanes are named");
        long rects = text.split("<rect", -1).length - 1;
        assertTrue(rects > 40, "lanes are drawn as rectangles, neighbours merged: " + rects);
        for (String entry : new String[] {"holding lock", "deserializing", "idle", "hand-off (tick on top)",
                "drop request (tick below)", "not recorded (the recording was full)"}) {
            assertTrue(text.contains(">" + entry + "<"), "the legend explains every mark, as the window's does: " + entry);
        }
    }

    @Test
    void snapshotRefusesAPictureSizeItCannotDraw(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        Result r = gilscope("snapshot", "--workload", "count-primes", "--width", "10", "--out", dir.resolve("x.png").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("use 640 to 8192 wide"), r.err());
    }

    @Test
    void lessonsListsTheElevenAndShowsOneInFull() {
        Result list = gilscope("lessons");
        assertEquals(0, list.exitCode(), list.err());
        for (int i = 1; i <= 11; i++) assertTrue(list.out().contains("L" + i + " "), list.out());
        Result one = gilscope("lessons", "L5");
        assertEquals(0, one.exitCode(), one.err());
        assertTrue(one.out().startsWith("L5: I/O-bound work: threads help"), one.out());
        assertTrue(one.out().contains("Run: gilscope run --workload io-wait --modes sequential,gil-threads --workers 4"), one.out());
        assertTrue(one.out().contains("threading.Thread(target=fetch"), "the Python program is shown: " + one.out());
    }

    @Test
    void lessonsChecksAnExerciseSetAndListsIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("mine.lesson"), dev.gilscope.scenario.LessonFileTest.GOOD);
        java.nio.file.Path set = java.nio.file.Files.writeString(dir.resolve("tuesday.exercises"),
                dev.gilscope.scenario.ExerciseSetFileTest.GOOD);
        Result listed = gilscope("lessons", "--set", set.toString());
        assertEquals(0, listed.exitCode(), listed.err());
        assertTrue(listed.out().startsWith("The GIL in one hour\nPredict before you run. Answer in a sentence or two.\n"), listed.out());
        assertTrue(listed.out().contains("2. mine-1: Threads and primes\n   Predict: Faster with two threads?\n3. L6"), listed.out());
        assertTrue(listed.out().contains("   Ask: Which switch interval would you choose for a web server?"), listed.out());

        java.nio.file.Path broken = java.nio.file.Files.writeString(dir.resolve("broken.exercises"), "title: T\nlesson: L12\n");
        Result refused = gilscope("lessons", "--set", broken.toString());
        assertEquals(GilscopeCommand.EXIT_BAD_INPUT, refused.exitCode());
        assertTrue(refused.err().startsWith("gilscope: " + broken + ", line 2: 'L12' is no built-in lesson"), refused.err());
    }

    @Test
    void anUnknownLessonOrABrokenLessonFileIsABadInputWithItsLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        Result unknown = gilscope("lessons", "L99");
        assertEquals(GilscopeCommand.EXIT_BAD_INPUT, unknown.exitCode());
        assertTrue(unknown.err().startsWith("gilscope: no lesson 'L99'; the lessons are L1, L2"), unknown.err());
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("mine.lesson"),
                dev.gilscope.scenario.LessonFileTest.GOOD.replace("workers: 2", "workers: 0"));
        Result broken = gilscope("lessons", "--file", file.toString());
        assertEquals(GilscopeCommand.EXIT_BAD_INPUT, broken.exitCode());
        assertTrue(broken.err().startsWith("gilscope: " + file + ", line 9: workers: 0 is out of range"), broken.err());
        Result missing = gilscope("lessons", "--file", dir.resolve("nope.lesson").toString());
        assertEquals(GilscopeCommand.EXIT_BAD_INPUT, missing.exitCode());
        assertTrue(missing.err().contains("no such file"), missing.err());
    }

    @Test
    void snapshotOfALessonDrawsItsBoardWithTheLessonBeside(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("mine.lesson"), dev.gilscope.scenario.LessonFileTest.GOOD);
        java.nio.file.Path png = dir.resolve("mine.png");
        Result r = gilscope("snapshot", "--lesson", file.toString(), "--width", "1280", "--height", "720", "--out", png.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("lesson mine-1: Threads and primes"), r.err());
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(1280, image.getWidth());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--lesson L99                          | no lesson 'L99'; the lessons are L1, L2",
        "--lesson L1 --svg                     | a lesson's picture is PNG (leave out --svg)",
        "--lesson L1 --workload count-primes   | are mutually exclusive",
        "--width 1280                          | Missing required argument",
    })
    void snapshotOfALessonRefusesWhatItCannotDo(String args, String expected, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of("snapshot", "--out", dir.resolve("x.png").toString()));
        all.addAll(java.util.List.of(args.trim().split("\\s+")));
        Result r = gilscope(all.toArray(String[]::new));
        assertEquals(GilscopeCommand.EXIT_BAD_INPUT, r.exitCode(), r.err());
        assertTrue(r.err().contains(expected), r.err());
    }

    @Test
    void videoWritesTheReplayAsMp4AndAsGif(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("mine.lesson"), dev.gilscope.scenario.LessonFileTest.GOOD);
        java.nio.file.Path gif = dir.resolve("mine.gif");
        Result r = gilscope("video", "--lesson", file.toString(), "--gif", "--speed", "1/4", "--width", "640", "--height", "400",
                "--out", gif.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("at 1/4 speed"), r.err());
        javax.imageio.ImageReader reader = javax.imageio.ImageIO.getImageReadersByFormatName("gif").next();
        try (var in = javax.imageio.ImageIO.createImageInputStream(gif.toFile())) {
            reader.setInput(in);
            assertTrue(reader.getNumImages(true) >= 2, "an animation: " + reader.getNumImages(true) + " frames");
            assertEquals(640, reader.read(0).getWidth());
        }

        java.nio.file.Path mp4 = dir.resolve("mine.mp4");
        r = gilscope("video", "--workload", "count-primes", "--tasks", "2", "--size", "20000", "--modes", "sequential,gil-threads",
                "--speed", "1", "--from", "0", "--to", "40", "--width", "640", "--height", "400", "--out", mp4.toString());
        assertEquals(0, r.exitCode(), r.err());
        var grab = org.jcodec.api.FrameGrab.createFrameGrab(org.jcodec.common.io.NIOUtils.readableChannel(mp4.toFile()));
        int frames = grab.getVideoTrack().getMeta().getTotalFrames();
        assertEquals(2, frames, "40 ms at 1× and 25 frames a second: the first frame and the one at 40 ms");
        assertEquals(640, grab.getNativeFrame().getWidth());
        assertFalse(java.nio.file.Files.list(dir).anyMatch(p -> p.getFileName().toString().endsWith(".part")), "no leftovers");
    }

    @Test
    void aSavedRunIsDrawnAndFilmedWithItsNotesWithoutRunningAgain(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path trace = dir.resolve("run.json");
        Result r = gilscope("run", "--workload", "count-primes", "--tasks", "2", "--size", "20000", "--modes", "sequential,gil-threads",
                "--trace", trace.toString());
        assertEquals(0, r.exitCode(), r.err());
        // A note pinned in the window is saved in the header; add one as the window would.
        var saved = dev.gilscope.trace.export.TraceReader.read(trace);
        dev.gilscope.trace.export.ChromeTraceWriter.write(trace, saved.info().withNotes(java.util.List.of(
                new dev.gilscope.trace.Note(1_000_000, "", "one millisecond in"))), saved.modes());

        java.nio.file.Path png = dir.resolve("saved.png");
        r = gilscope("snapshot", "--saved", trace.toString(), "--width", "1280", "--height", "720", "--out", png.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("the run saved in run.json, 1 note)") && !r.err().contains("Running"), r.err());
        assertEquals(1280, javax.imageio.ImageIO.read(png.toFile()).getWidth());

        java.nio.file.Path gif = dir.resolve("saved.gif");
        r = gilscope("video", "--saved", trace.toString(), "--gif", "--speed", "1", "--to", "0.2", "--width", "640", "--height", "400",
                "--out", gif.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(java.nio.file.Files.size(gif) > 1_000, r.err());

        java.nio.file.Path notATrace = java.nio.file.Files.writeString(dir.resolve("notes.json"), "{\"my\": \"notes\"}");
        r = gilscope("snapshot", "--saved", notATrace.toString(), "--out", dir.resolve("x.png").toString());
        assertEquals(GilscopeCommand.EXIT_BAD_INPUT, r.exitCode(), r.err());
        assertTrue(r.err().contains("--saved: ") && r.err().contains("not saved by gilscope"), r.err());
        r = gilscope("video", "--saved", dir.resolve("missing.json").toString(), "--out", dir.resolve("x.mp4").toString());
        assertTrue(r.err().contains("--saved " + dir.resolve("missing.json") + ": no such file"), r.err());
        r = gilscope("snapshot", "--saved", trace.toString(), "--lesson", "L1", "--out", dir.resolve("x.png").toString());
        assertTrue(r.err().contains("mutually exclusive"), r.err());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--lesson L1 --out x.mp4 --speed fast          | --speed 'fast' is not a replay speed; use 1, 1/4, 1/16",
        "--lesson L1 --out x.mp4 --speed 0             | --speed '0' is not a replay speed",
        "--lesson L1 --out x.mp4 --gif                 | --gif writes a GIF: name the file .gif",
        "--lesson L1 --out x.gif                       | an MP4 video is named .mp4; for a GIF add --gif",
        "--lesson L1 --out x.mp4 --width 641           | a video's sides are even numbers",
        "--lesson L1 --out x.mp4 --from 50 --to 20     | is not a time window",
    })
    void videoRefusesWhatItCannotMake(String args, String expected, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of("video"));
        for (String word : args.trim().split("\\s+")) all.add(word.startsWith("x.") ? dir.resolve(word).toString() : word);
        Result r = gilscope(all.toArray(String[]::new));
        assertEquals(GilscopeCommand.EXIT_BAD_INPUT, r.exitCode(), r.err());
        assertTrue(r.err().contains(expected), r.err());
    }
}
