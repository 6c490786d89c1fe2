package io.switchboard.cli;

import java.io.PrintWriter;

/**
 * A progress bar on stderr, redrawn in place ({@code \r}) at most once per percent, so a long input costs a hundred
 * redraws, not one per row. With an unknown size it counts rows.
 */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final String label;
    private final long total;
    private int lastPercent = -1;
    private long lastRows;
    private boolean drawn;

    /** {@code total} bytes, or 0 when unknown. */
    ProgressBar(PrintWriter err, String label, long total) {
        this.err = err;
        this.label = label;
        this.total = total;
    }

    void update(long done, long rows) {
        if (total > 0) {
            int percent = (int) Math.min(100, done * 100 / total);
            if (percent == lastPercent) {
                return;
            }
            lastPercent = percent;
            int filled = percent * WIDTH / 100;
            draw(label + " [" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + percent + "% " + rows + " rows");
        } else if (rows - lastRows >= 1000 || !drawn) {
            lastRows = rows;
            draw(label + " " + rows + " rows");
        }
    }

    void finish(long rows) {
        if (total > 0) {
            draw(label + " [" + "#".repeat(WIDTH) + "] 100% " + rows + " rows");
        } else {
            draw(label + " " + rows + " rows");
        }
        err.println();
        err.flush();
        drawn = false;
    }

    /** Ends the line of a drawn bar, so that what is printed next (an error) does not share it; else nothing. */
    void endLine() {
        if (drawn) {
            err.println();
            err.flush();
            drawn = false;
        }
    }

    private void draw(String text) {
        err.print("\r" + text);
        err.flush();
        drawn = true;
    }
}
