package io.flipflop.media.videopost;

import java.util.function.Consumer;

/**
 * Turns ffmpeg's {@code -progress} output ({@code key=value} lines; a block ends with {@code progress=continue}
 * or {@code progress=end}) into {@link Transcoder.Progress}: percent of the source's duration written, frames per
 * second, and the time left at the current speed. One per ffmpeg run, fed by one reader thread.
 */
final class ProgressLines implements Consumer<String> {

    private final double duration;
    private final Consumer<Transcoder.Progress> progress;
    private double outSeconds;
    private double fps;
    private double speed;

    ProgressLines(double duration, Consumer<Transcoder.Progress> progress) {
        this.duration = duration;
        this.progress = progress;
    }

    @Override
    public void accept(String line) {
        int equals = line.indexOf('=');
        if (equals < 0) {
            return;
        }
        String value = line.substring(equals + 1).strip();
        switch (line.substring(0, equals).strip()) {
            case "out_time_us" -> outSeconds = number(value, outSeconds * 1e6) / 1e6;
            case "fps" -> fps = number(value, fps);
            case "speed" -> speed = number(value.replace("x", ""), speed);
            // the source's duration may count a longer audio track than what ends up written: end is 100 %
            case "progress" -> progress.accept("end".equals(value) ? new Transcoder.Progress(100.0, fps, 0L)
                    : current());
            default -> { }
        }
    }

    Transcoder.Progress current() {
        double percent = duration > 0 ? Math.min(100, Math.max(0, outSeconds / duration * 100)) : 0;
        Long eta = speed > 0 ? Math.round(Math.max(0, duration - outSeconds) / speed) : null;
        return new Transcoder.Progress(Math.round(percent * 10) / 10.0, fps, eta);
    }

    private static double number(String text, double fallback) {
        try {
            double value = Double.parseDouble(text);
            return Double.isFinite(value) ? value : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
