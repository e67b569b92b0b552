package org.folkmoot.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ResourceBundle;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.folkmoot.files.InputFile;
import org.folkmoot.procedure.Words;
import org.folkmoot.proposal.Bodies;
import org.folkmoot.proposal.Proposal;

/**
 * The bodies this Community belongs to, in its settings: the list enrolled in the data folder's
 * {@code bodies.json}, a body's key file enrolled once its key id was read against the clerk's in person, a
 * body removed. What is refused is one line, and changes nothing.
 */
public final class BodiesViewModel {
    private final Path data;
    private final ResourceBundle text;
    private final Clock clock;
    private final ObservableList<Bodies.Body> bodies = FXCollections.observableArrayList();
    private final SimpleStringProperty message = new SimpleStringProperty("");
    private final SimpleBooleanProperty problem = new SimpleBooleanProperty(false);

    /** The bodies enrolled in data folder {@code data}; {@code clock} gives the day of an enrolment. */
    public BodiesViewModel(Path data, ResourceBundle text, Clock clock) {
        this.data = data;
        this.text = text;
        this.clock = clock;
        reload();
    }

    public ObservableList<Bodies.Body> bodies() { return bodies; }
    /** What the last enrolment or removal did, or why it was refused. */
    public ReadOnlyStringProperty messageProperty() { return message; }
    /** Whether the message says why something was refused (else it says what was done). */
    public ReadOnlyBooleanProperty problemProperty() { return problem; }

    /** Reads the list again from the data folder; a {@code bodies.json} that cannot be read is said, and shows none. */
    public void reload() {
        try {
            bodies.setAll(Bodies.load(data).all());
        } catch (Proposal.Refused e) {
            bodies.clear();
            say(Words.format(text.getString("bodies.problem.read"), e.getMessage()), true);
        }
    }

    /**
     * Enrolls the key in {@code file} once {@code confirm}, shown the body and its key id (the dialog, or a
     * test's answer), says so; true when it was enrolled. Not a body's key file, a small-order key, a key
     * enrolled already: refused with the reason, nothing written.
     */
    public boolean enroll(Path file, Predicate<Bodies.Body> confirm) {
        Bodies.Body body;
        Bodies enrolled;
        try {
            body = Bodies.readKeyFile(InputFile.read(file, InputFile.Kind.KEY_EXPORT), LocalDate.now(clock));
            enrolled = Bodies.load(data);
        } catch (InputFile.Refused e) {
            say(Words.format(text.getString("bodies.refused"), file.getFileName(), e.reason()), true);
            return false;
        } catch (Proposal.Refused e) {
            say(Words.format(text.getString("bodies.refused"), file.getFileName(), e.getMessage()), true);
            return false;
        }
        // a key enrolled already is said before asking: there is nothing to read out
        var same = enrolled.byKeyId(body.keyId());
        if (same.isPresent()) {
            say(Words.format(text.getString("bodies.already"), file.getFileName(), body.keyId(), named(same.get())), true);
            return false;
        }
        if (!confirm.test(body)) {
            say("", false);
            return false;
        }
        try {
            bodies.setAll(enrolled.add(body).all());
        } catch (Proposal.Refused e) {
            say(Words.format(text.getString("bodies.refused"), file.getFileName(), e.getMessage()), true);
            return false;
        } catch (IOException e) {
            say(Words.format(text.getString("bodies.problem.write"), data, e.getMessage()), true);
            return false;
        }
        say(Words.format(text.getString("bodies.enrolled"), named(body), body.keyId()), false);
        return true;
    }

    /** Takes {@code body} off the list once {@code confirm} says so; true when it was removed. */
    public boolean remove(Bodies.Body body, Predicate<Bodies.Body> confirm) {
        if (body == null || !confirm.test(body)) return false;
        try {
            bodies.setAll(Bodies.load(data).remove(body.keyId()).all());
        } catch (Proposal.Refused e) {
            reload();
            say(e.getMessage(), true);
            return false;
        } catch (IOException e) {
            say(Words.format(text.getString("bodies.problem.write"), data, e.getMessage()), true);
            return false;
        }
        say(Words.format(text.getString("bodies.removed"), named(body), body.keyId()), false);
        return true;
    }

    /** "Millbrook (Municipality M7)", or that the key file did not say which body. */
    public String named(Bodies.Body b) {
        if (b.body() == null) return text.getString("bodies.unnamed");
        return name(b) + " (" + level(b) + " " + b.body().id() + ")";
    }

    public String name(Bodies.Body b) {
        if (b.body() == null) return "—";
        return b.body().name() == null || b.body().name().isBlank() ? b.body().id() : b.body().name();
    }

    /** The body's level in the app's language. */
    public String level(Bodies.Body b) {
        if (b.body() == null) return "—";
        return org.folkmoot.app.hall.BodyWords.level(b.body().level(), text);
    }

    public String id(Bodies.Body b) {
        return b.body() == null ? "—" : b.body().id();
    }

    private void say(String line, boolean refused) {
        message.set(line);
        problem.set(refused);
    }
}
