package org.folkmoot.app;

import org.folkmoot.procedure.Words;
import org.folkmoot.session.CommunitySettings;

import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.folkmoot.procedure.Amendment;
import org.folkmoot.procedure.Community;
import org.folkmoot.procedure.Delegate;
import org.folkmoot.procedure.Header;
import org.folkmoot.procedure.Meeting;
import org.folkmoot.procedure.MeetingInfo;
import org.folkmoot.procedure.Reason;
import org.folkmoot.procedure.RecordedVote;
import org.folkmoot.procedure.Resolution;
import org.folkmoot.procedure.Rules;
import org.folkmoot.record.FormatException;
import org.folkmoot.record.Replay;
import org.folkmoot.session.MeetingSession;
import org.folkmoot.store.StoreException;
import org.folkmoot.verdict.CommunityKey;
import org.folkmoot.files.DataFolder;

/**
 * The desktop app: set up the Community, start or reopen a meeting (console and projector), or replay an
 * example meeting as training.
 */
public final class FolkmootApp extends Application {
    private ResourceBundle text;
    private CommunityKey key;
    private Path data;

    /** What a person sees when there is no screen for the window: one line, no stack trace. */
    public static final String NO_DISPLAY = "no display: Folkmoot's window needs a graphical session; the commands work "
            + "without one — see folkmoot --help";

    /** The desktop app; returns 0 when its window closed, else non-zero after one line saying why it could not open. */
    public static int launchApp(String[] args) {
        if (noDisplay()) {
            System.err.println(NO_DISPLAY);
            return 1;
        }
        try {
            Application.launch(FolkmootApp.class, args);
            return 0;
        } catch (RuntimeException e) { // NOPMD: the toolkit's own failure to start, e.g. a DISPLAY that names no screen
            String why = String.valueOf(e.getMessage());
            System.err.println(why.contains("DISPLAY") || why.toLowerCase(Locale.ROOT).contains("display")
                    ? NO_DISPLAY : "folkmoot: the window could not open: " + why.lines().findFirst().orElse(why));
            return 1;
        }
    }

    /**
     * Whether there is surely no screen: asked to run headless, or, on Linux and the other Unixes, neither an X
     * nor a Wayland display in the environment (JavaFX's headless Monocle, which the UI tests use, needs none).
     */
    static boolean noDisplay() {
        if ("Monocle".equalsIgnoreCase(System.getProperty("glass.platform"))) return false;
        if (Boolean.getBoolean("java.awt.headless")) return true;
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac")) return false;
        return isBlank(System.getenv("DISPLAY")) && isBlank(System.getenv("WAYLAND_DISPLAY"));
    }

    /**
     * Each meeting in the reopen list by what it holds (its Community, meeting, date and place, its resolutions
     * and where each stands), its file name under it. The files are read on a worker thread: the list is there
     * at once, the words follow.
     */
    private static void describeMeetings(ListView<String> list, Path data, ResourceBundle text) {
        java.util.Map<String, String> said = new java.util.concurrent.ConcurrentHashMap<>();
        list.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            private final Label what = new Label();
            private final Label name = new Label();
            private final VBox both = new VBox(2, what, name);

            {
                what.setWrapText(true);
                what.maxWidthProperty().bind(l.widthProperty().subtract(40));
                what.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                name.getStyleClass().add("text-muted");
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(String file, boolean empty) {
                super.updateItem(file, empty);
                setText(null);
                if (empty || file == null) {
                    setGraphic(null);
                    return;
                }
                what.setText(said.getOrDefault(file, text.getString("start.meeting.reading")));
                name.setText(file);
                setGraphic(both);
            }
        });
        List<String> files = List.copyOf(list.getItems());
        javafx.concurrent.Task<Void> reading = new javafx.concurrent.Task<>() {
            @Override
            protected Void call() {
                for (String file : files) {
                    said.put(file, CommunityBook.describe(data.resolve("meetings").resolve(file), text));
                    javafx.application.Platform.runLater(list::refresh);
                }
                return null;
            }
        };
        Background.run(reading, "describe-meetings");
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    static String stylesheet() {
        return FolkmootApp.class.getResource("/org/folkmoot/app/folkmoot.css").toExternalForm();
    }

    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("org.folkmoot.app.messages", locale);
    }

    @Override
    public void start(Stage stage) throws IOException {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        text = bundle(Locale.getDefault());
        String[] raw = getParameters() == null ? new String[0] : getParameters().getRaw().toArray(new String[0]);
        if (FileCheck.isFileToCheck(raw)) {
            showCheck(stage, Path.of(raw[0]));
            return;
        }
        data = DataFolder.path();
        key = CommunityKey.loadOrCreate(data);
        javafx.scene.control.ScrollPane meeting = new javafx.scene.control.ScrollPane(meetingTab(stage));
        meeting.setFitToWidth(true);
        TabPane tabs = new TabPane(new Tab(text.getString("start.tab.meeting"), meeting),
                new Tab(text.getString("start.tab.training"), scrolled(trainingTab())), new Tab(text.getString("start.tab.combine"), scrolled(combineTab(stage))));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Scene scene = new Scene(tabs, 1120, 700);
        scene.getStylesheets().add(stylesheet());
        stage.setTitle(text.getString("app.title"));
        stage.setScene(scene);
        Windows.show(stage, "start");
        if (Boolean.getBoolean("folkmoot.startupProbe")) {
            // scripts/startup-time.sh: how long from the JVM's start to the first window on screen
            javafx.application.Platform.runLater(() -> {
                long ms = System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.println("first window after " + ms + " ms");
                javafx.application.Platform.exit();
            });
        }
    }

    /**
     * Closing the meeting's console brings the start screen back, read afresh (the book has moved on): the app
     * never runs on with no window, and a second start of it is not needed to reopen or begin another meeting.
     */
    private void backToStart(Stage stage, MeetingWindows.Opened opened) {
        opened.console().addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> {
            try {
                start(stage);
            } catch (IOException ex) {
                org.folkmoot.files.Logs.of("app").warning("the start screen could not be read again: " + ex.getMessage());
                javafx.application.Platform.exit();
            }
        });
    }

    private VBox meetingTab(Stage stage) {
        Community known = CommunitySettings.load(data).orElse(null);
        CommunityBook.Found book = known == null ? null : CommunityBook.find(data, known.id()).orElse(null);
        TextField id = field(known == null ? "" : known.id(), text.getString("start.community.id"));
        TextField name = field(known == null ? "" : known.name(), text.getString("start.community.name"));
        TextField members = field(known == null ? "" : Long.toString(known.members()), text.getString("start.members"));
        TextField date = field(LocalDate.now().toString(), text.getString("start.date"));
        // most Communities meet in the same hall: the last meeting's place, to be changed if not
        String lastPlace = book == null ? null : book.last().info().place();
        TextField place = field(lastPlace == null ? "" : lastPlace, text.getString("start.place"));
        TextField facilitator = field("", text.getString("start.facilitator"));
        TextField secretary = field("", text.getString("start.secretary"));
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        String[] labels = {text.getString("start.community.id"), text.getString("start.community.name"), text.getString("start.members"),
            text.getString("start.date"), text.getString("start.place"), text.getString("start.facilitator"), text.getString("start.secretary")};
        TextField[] fields = {id, name, members, date, place, facilitator, secretary};
        for (int i = 0; i < fields.length; i++) {
            grid.addRow(i, new Label(labels[i]), fields[i]);
            GridPane.setHgrow(fields[i], Priority.ALWAYS);
        }
        RulesForm.Values rules = new RulesForm.Values(CommunitySettings.rules(data));
        Label problem = new Label();
        problem.setStyle("-fx-text-fill: -color-danger-fg;");
        problem.setWrapText(true);
        problem.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Button start = new Button(text.getString("start.button"));
        start.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // a long message beside it must not cut its words
        start.getStyleClass().add("accent");
        start.setDefaultButton(true);
        // the Community as the form gives it, or null when its id or its members are missing
        java.util.function.Supplier<Community> community = () -> {
            String m = members.getText().strip();
            if (id.getText().isBlank() || !m.matches("\\d{1,9}") || Long.parseLong(m) < 1) return null;
            if (org.folkmoot.procedure.Ids.problem("community-id", id.getText().strip()) != null) return null; // a file name and a line
            return new Community(id.getText().strip(), name.getText().isBlank() ? id.getText().strip() : name.getText().strip(), Long.parseLong(m));
        };
        start.setOnAction(e -> {
            Community c = community.get();
            if (c == null) {
                problem.setText(text.getString("start.problem"));
                return;
            }
            if (!date.getText().isBlank() && !org.folkmoot.record.HeaderCodec.readableDate(date.getText().strip())) {
                problem.setText(text.getString("start.problem.date"));
                return;
            }
            Rules inForce;
            try {
                inForce = rules.rules();
            } catch (IllegalArgumentException ex) {
                problem.setText(ex.getMessage());
                return;
            }
            MeetingInfo tonight = new MeetingInfo(blankToNull(date.getText().strip()),
                    blankToNull(place.getText()), blankToNull(facilitator.getText()), blankToNull(secretary.getText()));
            try {
                // the Community's book goes on from its last meeting; its very first meeting begins it
                CommunityBook.Found found = CommunityBook.find(data, c.id()).orElse(null);
                MeetingSession session;
                if (found != null) {
                    String why = CommunityBook.whyNot(found, c, inForce, tonight, text);
                    if (why != null) {
                        problem.setText(why);
                        return;
                    }
                    CommunitySettings.save(data, c, inForce);
                    session = CommunityBook.begin(found.file(), tonight, Clock.systemUTC(), text.getLocale());
                } else {
                    CommunitySettings.save(data, c, inForce);
                    Path file = newMeetingFile(date.getText().strip(), c.id());
                    session = MeetingSession.create(file, new Header(c, inForce, tonight), Clock.systemUTC());
                }
                backToStart(stage, MeetingWindows.open(session, key, text, true, getHostServices()::showDocument));
                stage.hide();
            } catch (StoreException ex) {
                problem.setText(ex.reason(text.getLocale()));
            } catch (IOException ex) {
                problem.setText(ex.getMessage());
            }
        });

        ListView<String> existing = new ListView<>();
        existing.getItems().setAll(CommunityBook.files(data).stream().map(p -> p.getFileName().toString()).toList());
        existing.setPrefHeight(160);
        // the book is what is reopened after a crash: chosen already, one click away
        if (book != null) existing.getSelectionModel().select(book.file().getFileName().toString());
        existing.setAccessibleText(text.getString("start.existing"));
        describeMeetings(existing, data, text);
        Button reopen = new Button(text.getString("start.reopen"));
        reopen.disableProperty().bind(existing.getSelectionModel().selectedItemProperty().isNull());
        reopen.setOnAction(e -> {
            String chosen = existing.getSelectionModel().getSelectedItem();
            if (chosen == null) return;
            // a long book takes seconds to fold again: done off the screen's thread, and said while it is done
            javafx.concurrent.Task<MeetingSession> opening = new javafx.concurrent.Task<>() {
                @Override
                protected MeetingSession call() throws StoreException {
                    return MeetingSession.open(data.resolve("meetings").resolve(chosen), Clock.systemUTC());
                }
            };
            reopen.disableProperty().unbind();
            reopen.setDisable(true);
            problem.setStyle("-fx-text-fill: -color-fg-muted;"); // said while it works: not a problem
            problem.setText(Words.format(text.getString("start.reopening"), chosen));
            Runnable again = () -> reopen.disableProperty().bind(existing.getSelectionModel().selectedItemProperty().isNull());
            opening.setOnSucceeded(done -> {
                problem.setStyle("-fx-text-fill: -color-danger-fg;");
                problem.setText("");
                again.run();
                backToStart(stage, MeetingWindows.open(opening.getValue(), key, text, true, getHostServices()::showDocument));
                stage.hide();
            });
            opening.setOnFailed(failed -> {
                problem.setStyle("-fx-text-fill: -color-danger-fg;");
                again.run();
                // the meeting file's own words are said in the screen's language
                problem.setText(opening.getException() instanceof StoreException s ? s.reason(text.getLocale())
                        : opening.getException().getMessage());
            });
            Background.run(opening, "reopen");
        });
        // a meeting is reopened as a list item is: by a double click, or Enter
        existing.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && !reopen.isDisabled()) reopen.fire();
        });
        existing.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && !reopen.isDisabled()) reopen.fire();
        });

        Label keyLine = new Label(Words.format(text.getString("start.key"), key.keyId(), data));
        keyLine.getStyleClass().add("text-muted");
        // what the key's and the backup's buttons did, said beside them (a success is not shown as a problem)
        Label keyMessage = new Label();
        keyMessage.setId("key-message");
        keyMessage.setWrapText(true);
        java.util.function.BiConsumer<String, Boolean> say = (message, done) -> {
            keyMessage.setText(message);
            keyMessage.setStyle(done ? "-fx-text-fill: -color-success-fg;" : "-fx-text-fill: -color-danger-fg;");
        };
        Button exportKey = new Button(text.getString("start.export-key"));
        exportKey.setOnAction(e -> {
            Community c = community.get();
            if (c == null) {
                say.accept(text.getString("start.problem"), false);
                return;
            }
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.setInitialFileName(c.id() + ".key.json");
            java.io.File f = chooser.showSaveDialog(stage);
            if (f == null) return;
            try {
                org.folkmoot.files.OutputFile.writeDurably(f.toPath(), key.exportEntry(c.id(), c.name(), c.members()));
                // the Community the key was exported for is this laptop's: kept, not typed again at the first meeting
                Rules inForce;
                try {
                    inForce = rules.rules();
                } catch (IllegalArgumentException ex) {
                    inForce = CommunitySettings.rules(data);
                }
                CommunitySettings.save(data, c, inForce);
                say.accept(Words.format(text.getString("start.exported"), f, key.keyId()), true);
            } catch (IOException ex) {
                say.accept(ex.getMessage(), false);
            }
        });
        Button backup = new Button(text.getString("start.backup"));
        backup.setOnAction(e -> {
            java.io.File dir = new javafx.stage.DirectoryChooser().showDialog(stage);
            if (dir == null) return;
            try {
                org.folkmoot.session.Backup.Written w = org.folkmoot.session.Backup.write(data, dir.toPath(), false);
                say.accept(Words.format(text.getString("start.backed-up"), w.records().size(), dir), true);
            } catch (IOException ex) {
                say.accept(ex.getMessage(), false);
            }
        });
        HBox keyRow = new HBox(10, exportKey, backup);
        Label newTitle = new Label(text.getString("start.new"));
        newTitle.getStyleClass().add("title-3");
        Label oldTitle = new Label(text.getString("start.old"));
        oldTitle.getStyleClass().add("title-3");
        // tonight's form and the book side by side: what stands open is in sight while the form is filled in
        javafx.scene.control.TitledPane rulesPane = RulesForm.pane(rules, text);
        rulesPane.setMinWidth(0); // its long title is cut rather than pushing into the book beside it
        VBox tonight = new VBox(10, newTitle, grid, rulesPane, new HBox(10, start, problem));
        VBox side = new VBox(10, bookPane(book), oldTitle, existing, reopen);
        for (Label l : new Label[] {newTitle, oldTitle}) wrapWhole(l);
        // the columns keep their shares of the window: their widest line wraps rather than widening them
        tonight.setMinWidth(0);
        side.setMinWidth(0);
        GridPane columns = new GridPane();
        columns.setHgap(20);
        javafx.scene.layout.ColumnConstraints left = new javafx.scene.layout.ColumnConstraints();
        left.setPercentWidth(54);
        javafx.scene.layout.ColumnConstraints right = new javafx.scene.layout.ColumnConstraints();
        right.setPercentWidth(46);
        columns.getColumnConstraints().addAll(left, right);
        columns.addRow(0, tonight, side);
        javafx.scene.layout.RowConstraints top = new javafx.scene.layout.RowConstraints();
        top.setValignment(javafx.geometry.VPos.TOP);
        columns.getRowConstraints().add(top);
        javafx.scene.Parent bodies = new BodiesView(new BodiesViewModel(data, text, Clock.systemDefaultZone()), text).root();
        VBox box = new VBox(14, columns, keyLine, keyRow, keyMessage, bodies);
        if (known == null) box.getChildren().add(0, firstRunGuide());
        box.setPadding(new Insets(16));
        return box;
    }

    /** A tab's content filling the window, and scrolled where the window is smaller than the content (a 1024×768 screen). */
    private static javafx.scene.control.ScrollPane scrolled(javafx.scene.Node content) {
        javafx.scene.control.ScrollPane pane = new javafx.scene.control.ScrollPane(content);
        pane.setFitToWidth(true);
        pane.setFitToHeight(true);
        return pane;
    }

    /** A verdict or a body's result opened from the file manager: whether it holds, and what it says. */
    private void showCheck(Stage stage, Path file) {
        Label headline = new Label(text.getString("check.checking"));
        headline.getStyleClass().add("title-2");
        VBox lines = new VBox(6);
        VBox box = new VBox(12, new Label(file.toString()), headline, lines);
        box.setPadding(new Insets(20));
        Scene scene = new Scene(box, 760, 360);
        scene.getStylesheets().add(stylesheet());
        stage.setTitle(text.getString("check.title") + " — " + file.getFileName());
        stage.setScene(scene);
        Windows.show(stage);
        javafx.concurrent.Task<FileCheck.Shown> task = new javafx.concurrent.Task<>() {
            @Override
            protected FileCheck.Shown call() {
                return FileCheck.check(file, text);
            }
        };
        task.setOnSucceeded(e -> {
            FileCheck.Shown shown = task.getValue();
            headline.setText(shown.headline());
            headline.setStyle(shown.holds() ? "-fx-text-fill: -color-success-fg;" : "-fx-text-fill: -color-danger-fg;");
            for (String line : shown.lines()) {
                Label l = new Label(line);
                l.setWrapText(true);
                lines.getChildren().add(l);
            }
        });
        Background.run(task, "folkmoot-check");
    }

    /** The tally clerk's count of verdicts, signed with this laptop's body key (made on first use). */
    private javafx.scene.Node combineTab(Stage stage) throws IOException {
        CommunityKey bodyKey = CommunityKey.loadOrCreateBody(data);
        org.folkmoot.app.combine.CombineViewModel model = new org.folkmoot.app.combine.CombineViewModel(text, bodyKey, DataFolder.work());
        stage.setOnHidden(e -> model.closeCount());
        // the body's clerk issues the proposal (folded away above) and counts the verdicts against it
        org.folkmoot.app.combine.ProposalViewModel issuing = new org.folkmoot.app.combine.ProposalViewModel(text, bodyKey, data);
        org.folkmoot.app.combine.ProposalView issue = new org.folkmoot.app.combine.ProposalView(issuing, text,
                org.folkmoot.app.combine.Chooser.DIALOGS);
        // the roster a proposal was issued from is the one its count reads: not asked for twice
        issuing.issuedProperty().addListener((o, was, now) -> {
            if (now != null && model.rosterProperty().get().isBlank()) model.rosterProperty().set(issuing.rosterProperty().get());
        });
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(
                org.folkmoot.app.combine.CombineView.clerkScreen(issue, new org.folkmoot.app.combine.CombineView(model, text)));
        scroll.setFitToWidth(true);
        return scroll;
    }

    /** The first run: what to do before the first meeting, with this laptop's key and where its data lives. */
    private VBox firstRunGuide() {
        Label title = new Label(text.getString("guide.title"));
        title.getStyleClass().add("title-3");
        VBox guide = new VBox(6, title);
        for (String step : new String[] {text.getString("guide.community"), Words.format(text.getString("guide.key"), key.keyId()),
            Words.format(text.getString("guide.data"), data)}) {
            Label l = new Label(step);
            l.setWrapText(true);
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // all its lines, not cut short with "…"
            guide.getChildren().add(l);
        }
        guide.setId("first-run-guide");
        guide.setPadding(new Insets(12));
        guide.setStyle("-fx-background-color: -color-accent-subtle; -fx-background-radius: 6;");
        return guide;
    }

    private Path newMeetingFile(String date, String community) throws IOException {
        Path dir = data.resolve("meetings");
        Files.createDirectories(dir);
        String base = (date.isBlank() ? LocalDate.now().toString() : date).replaceAll("[^0-9A-Za-z-]", "_") + "-"
                + community.replaceAll("[^0-9A-Za-z-]", "_");
        for (int n = 1; ; n++) {
            Path file = dir.resolve(base + (n == 1 ? "" : "-" + n) + ".meeting");
            if (!Files.exists(file)) return file;
        }
    }

    /** The most meetings the start screen lists; the minutes hold them all. */
    private static final int MEETINGS_SHOWN = 8;

    /**
     * The Community's book: its meetings (number, date, place, who ran them), what stands open in it, and what
     * starting tonight's meeting will do. Before the first meeting, a line saying that it begins the book.
     */
    private VBox bookPane(CommunityBook.Found book) {
        VBox pane = new VBox(6);
        pane.setId("book");
        pane.setPadding(new Insets(12));
        pane.setStyle("-fx-background-color: -color-bg-subtle; -fx-background-radius: 6;");
        if (book == null) {
            Label none = new Label(text.getString("book.none"));
            none.setWrapText(true);
            none.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            pane.getChildren().add(none);
            return pane;
        }
        Meeting m = book.meeting();
        Label title = new Label(Words.format(text.getString(m.meetings().size() == 1 ? "book.title.one" : "book.title"),
                m.header().community().name(), m.meetings().size(),
                book.file().getFileName()));
        title.getStyleClass().add("title-3");
        wrapWhole(title);
        GridPane meetings = new GridPane();
        meetings.setId("book-meetings");
        meetings.setHgap(18);
        meetings.setVgap(2);
        List<Meeting.Held> held = m.meetings();
        int from = held.size() <= MEETINGS_SHOWN ? 0 : held.size() - MEETINGS_SHOWN + 1; // "… and 2 earlier", never 1
        int row = 0;
        if (from > 0) meetings.add(new Label(Words.format(text.getString("book.earlier"), from)), 0, row++, 4, 1);
        for (Meeting.Held h : held.subList(from, held.size())) {
            MeetingInfo info = h.sitting().info();
            boolean last = h.sitting().number() == held.size();
            String state = !last ? "" : m.adjourned() ? text.getString("book.adjourned") : text.getString("book.not-adjourned.short");
            Label number = new Label(Words.format(text.getString("book.number"), h.sitting().number()));
            number.getStyleClass().add("text-bold");
            Label day = new Label(StandingBusiness.orDash(info.date()));
            Label done = new Label(state);
            for (Label l : new Label[] {number, day, done}) l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            meetings.addRow(row++, number, day, wrapWhole(new Label(StandingBusiness.orDash(info.place()))), done);
        }
        VBox standing = new VBox(2);
        standing.setId("book-standing");
        List<StandingBusiness.Section> open = StandingBusiness.of(m.book(), text);
        if (open.isEmpty()) standing.getChildren().add(new Label(text.getString("book.standing.none")));
        for (StandingBusiness.Section section : open) {
            Label heading = new Label(section.heading());
            heading.getStyleClass().add("text-bold");
            standing.getChildren().add(heading);
            for (String item : section.items()) {
                Label l = new Label("   " + item);
                l.setWrapText(true);
                l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                standing.getChildren().add(l);
            }
        }
        // a meeting already held today is gone on with, not followed by another: said here as Start would say it
        boolean today = LocalDate.now().toString().equals(book.last().info().date());
        Label next = new Label(today ? Words.format(text.getString("start.same-day"), book.last().number(), book.last().info().date())
                : m.adjourned() ? Words.format(text.getString("book.next"), held.size() + 1)
                : Words.format(text.getString("book.not-adjourned"), held.size(), StandingBusiness.orDash(book.last().info().date()),
                held.size() + 1));
        next.setId("book-next");
        next.setWrapText(true);
        next.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        if (!m.adjourned()) next.setStyle("-fx-text-fill: -color-warning-fg;");
        pane.getChildren().addAll(title, meetings, standing, next);
        return pane;
    }

    /** A label that wraps and keeps the height of all its lines, never cut short with "…". */
    private static Label wrapWhole(Label l) {
        l.setWrapText(true);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private static TextField field(String value, String accessible) {
        TextField f = new TextField(value);
        f.setAccessibleText(accessible);
        return f;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private VBox trainingTab() {
        org.folkmoot.app.training.TrainingViewModel model = new org.folkmoot.app.training.TrainingViewModel(text,
                new org.folkmoot.app.training.TrainingViewModel.Examples() {
                    @Override
                    public List<String> names() throws IOException {
                        return ExampleMeetings.names();
                    }

                    @Override
                    public byte[] read(String name) throws IOException {
                        return ExampleMeetings.read(name);
                    }
                });
        return new org.folkmoot.app.training.TrainingView(model, text, (name, example) -> Rehearsal.open(name, example, text)).root();
    }
}
