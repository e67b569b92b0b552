package org.folkmoot.app.check;

import java.nio.file.Path;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.folkmoot.app.work.Background;

/**
 * A verdict or a body's result opened from the file manager, without its window: "checking…" at once, then
 * whether it holds, what it says and what its signature proves (or why it is refused). The check reads and
 * verifies the whole file, so it is made on {@code background}.
 */
public final class FileCheckViewModel {
    private final Path file;
    private final ResourceBundle text;
    private final Executor background;
    private final ReadOnlyStringWrapper headline;
    private final ReadOnlyBooleanWrapper checked = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper holds = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<String> lines = FXCollections.observableArrayList();

    public FileCheckViewModel(Path file, ResourceBundle text, Executor background) {
        this.file = file;
        this.text = text;
        this.background = background;
        this.headline = new ReadOnlyStringWrapper(text.getString("check.checking"));
    }

    /** Checks the file; what it found is shown when it is done (at once with a synchronous executor). */
    public void check() {
        Background.then(background, () -> FileCheck.check(file, text), shown -> {
            holds.set(shown.holds());
            headline.set(shown.headline());
            lines.setAll(shown.lines());
            checked.set(true);
        });
    }

    /** The window's title: the check, and the file's name. */
    public String title() {
        return text.getString("check.title") + " — " + file.getFileName();
    }

    /** The file as it was given (its whole path: which copy, on which stick). */
    public String where() {
        return file.toString();
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** Whether the check is done (until then the headline says it is being made). */
    public ReadOnlyBooleanProperty checkedProperty() {
        return checked.getReadOnlyProperty();
    }

    /** Whether the file holds (meaningful once checked). */
    public ReadOnlyBooleanProperty holdsProperty() {
        return holds.getReadOnlyProperty();
    }

    /** What the file says and what its signature proves, or why it is refused, one line each. */
    public ObservableList<String> lines() {
        return lines;
    }
}
