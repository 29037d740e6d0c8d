package dev.gilscope.ui;

import java.util.function.Consumer;

/**
 * What every chart of the board shares: the time window, the replay clock, the colours, which worker
 * is selected, and where hover descriptions go. Charts redraw when {@link #version()} or the window's
 * version changes.
 */
public final class BoardState {

    private final TimeWindow window = new TimeWindow();
    private final ReplayClock replay = new ReplayClock();
    private Palette palette = Palette.LIGHT;
    private int selectedWorker = -1;
    private double laneScale = 1;
    private boolean largeText;
    private long version;
    private Consumer<String> hoverSink = text -> {};

    public TimeWindow window() {
        return window;
    }

    public ReplayClock replay() {
        return replay;
    }

    public Palette palette() {
        return palette;
    }

    public void setPalette(Palette newPalette) {
        palette = newPalette;
        version++;
    }

    public int selectedWorker() {
        return selectedWorker;
    }

    /** Highlights worker {@code index} (T{index+1}, P{index+1}) in every chart; -1 clears. Selecting it again clears. */
    public void select(int index) {
        selectedWorker = index == selectedWorker ? -1 : index;
        version++;
    }

    /** Size of the text drawn in the charts (lane names, the time axis): larger in presentation mode. */
    public double textSize() {
        return largeText ? 14 : 11;
    }

    public void setLargeText(boolean large) {
        largeText = large;
        version++;
    }

    public double laneScale() {
        return laneScale;
    }

    public void setLaneScale(double scale) {
        laneScale = scale;
        version++;
    }

    /** Changes with the palette, the selection, the lane size and the replay clock. */
    public long version() {
        return version;
    }

    public void replayMoved() {
        version++;
    }

    public void setHoverSink(Consumer<String> sink) {
        hoverSink = sink;
    }

    public void hover(String text) {
        hoverSink.accept(text);
    }
}
