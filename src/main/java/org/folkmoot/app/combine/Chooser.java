package org.folkmoot.app.combine;

import java.io.File;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Where the clerk's screen asks for a file: the system's dialogs, or (in the UI tests) the files a test names. */
public interface Chooser {
    /** A file to read, or null when the clerk cancels. */
    File open(String title, Window owner);

    /** A file to write, offered as {@code name}; null when the clerk cancels. The dialog asks before replacing one. */
    File save(String title, String name, Window owner);

    /** The system's file dialogs. */
    Chooser DIALOGS = new Chooser() {
        @Override
        public File open(String title, Window owner) {
            FileChooser c = new FileChooser();
            c.setTitle(title);
            return c.showOpenDialog(owner);
        }

        @Override
        public File save(String title, String name, Window owner) {
            FileChooser c = new FileChooser();
            c.setTitle(title);
            c.setInitialFileName(name);
            return c.showSaveDialog(owner);
        }
    };
}
