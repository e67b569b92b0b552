package org.folkmoot.app;

import atlantafx.base.theme.PrimerLight;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.folkmoot.procedure.Action;
import org.folkmoot.record.ActionCodec;
import org.folkmoot.record.HeaderCodec;
import org.folkmoot.record.Json;
import org.folkmoot.session.MeetingSession;
import org.folkmoot.verdict.CommunityKey;

/**
 * Takes the README's screenshots of the console and the projector at three moments of the bakery example:
 * discussion, a grievance round, the close. Run under Xvfb (see README, "Screenshots").
 */
public final class Screenshots {
    // -Dfolkmoot.shots.locale=es -Dfolkmoot.shots.out=DIR: the same moments in another language, elsewhere
    private static final Path OUT = Path.of(System.getProperty("folkmoot.shots.out", "assets/screenshots"));
    private static final Locale LOCALE = Locale.forLanguageTag(System.getProperty("folkmoot.shots.locale", "en"));

    public static void main(String[] args) {
        Application.launch(Shooter.class, args);
    }

    /** The JavaFX application that takes them (a launcher class may not be the Application itself). */
    public static final class Shooter extends Application {
    @Override
    public void start(Stage ignored) throws Exception {
        Platform.setImplicitExit(false); // each moment closes its windows before the next opens
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        List<String> script = Files.readAllLines(Path.of("assets", "meetings", "bakery.jsonl"), StandardCharsets.UTF_8);
        Path tmp = Files.createTempDirectory("folkmoot-shots");
        CommunityKey key = CommunityKey.loadOrCreate(tmp.resolve("home"));
        int[][] moments = {{5, 0}, {16, 1}, {script.size() - 1, 2}};
        String[] names = {"discussion", "round", "close"};
        new Thread(() -> {
            try {
                for (int[] m : moments) {
                    Path file = tmp.resolve(names[m[1]] + ".meeting");
                    MeetingSession session = MeetingSession.create(file,
                            HeaderCodec.read(Json.object(script.get(0))), Clock.systemUTC());
                    for (String line : script.subList(1, m[0] + 1)) {
                        Action a = ActionCodec.read(Json.object(line));
                        if (session.take(a).isPresent()) throw new IllegalStateException("refused: " + line);
                    }
                    CountDownLatch shown = new CountDownLatch(1);
                    MeetingWindows.Opened[] opened = new MeetingWindows.Opened[1];
                    Platform.runLater(() -> {
                        opened[0] = MeetingWindows.open(session, key, FolkmootApp.bundle(LOCALE), false, Runnable::run);
                        opened[0].projector().setWidth(1280);
                        opened[0].projector().setHeight(800);
                        opened[0].projector().show();
                        if (m[1] == 0) {
                            opened[0].view().choose(org.folkmoot.procedure.ActionKind.VOTE);
                            opened[0].model().field("for").ifPresent(f -> f.valueProperty().set("100"));
                            opened[0].model().field("against").ifPresent(f -> f.valueProperty().set("25"));
                            opened[0].model().field("abstain").ifPresent(f -> f.valueProperty().set("5"));
                        }
                        if (m[1] == 1) {
                            opened[0].view().choose(org.folkmoot.procedure.ActionKind.AMENDMENT_VOTE);
                            opened[0].model().field("for").ifPresent(f -> f.valueProperty().set("55"));
                            opened[0].model().field("against").ifPresent(f -> f.valueProperty().set("65"));
                            opened[0].model().field("abstain").ifPresent(f -> f.valueProperty().set("10"));
                        }
                        shown.countDown();
                    });
                    shown.await();
                    Thread.sleep(1500);
                    CountDownLatch taken = new CountDownLatch(1);
                    Platform.runLater(() -> {
                        save(opened[0].console().getScene(), "console-" + names[m[1]] + ".png");
                        save(opened[0].projector().getScene(), "projector-" + names[m[1]] + ".png");
                        opened[0].projector().close();
                        opened[0].console().close();
                        taken.countDown();
                    });
                    taken.await();
                }
                combine(tmp);
                book(tmp, key);
                proposal(tmp, key);
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                Platform.exit();
            }
        }).start();
    }

    }

    /**
     * The Community's book (the orchard example): the start screen over its first two meetings, then, on a book
     * of its first meeting alone, the projector when the second begins (the standing business) and the console
     * choosing the earlier resolution of a contention vote.
     */
    private static void book(Path tmp, CommunityKey key) throws Exception {
        List<String> orchard = Files.readAllLines(Path.of("assets", "meetings", "orchard.jsonl"), StandardCharsets.UTF_8);
        // the lines of its adjourns: the close of its first meeting and of its second
        List<Integer> adjourns = new java.util.ArrayList<>();
        for (int i = 1; i < orchard.size(); i++) if (orchard.get(i).contains("\"do\":\"adjourn\"")) adjourns.add(i);
        int firstAdjourn = adjourns.get(0);
        Path data = org.folkmoot.files.DataFolder.path();
        Path file = data.resolve("meetings").resolve("2026-12-01-willow-5.meeting");
        Files.createDirectories(file.getParent());
        org.folkmoot.procedure.Header header = HeaderCodec.read(Json.object(orchard.get(0)));
        org.folkmoot.session.CommunitySettings.save(data, header.community(), header.rules());
        try (MeetingSession session = MeetingSession.create(file, header, Clock.systemUTC())) {
            for (String line : orchard.subList(1, adjourns.get(1) + 1)) {
                if (session.take(ActionCodec.read(Json.object(line))).isPresent()) throw new IllegalStateException("refused: " + line);
            }
        }
        CountDownLatch started = new CountDownLatch(1);
        Stage[] start = new Stage[1];
        Platform.runLater(() -> {
            try {
                start[0] = new Stage();
                new FolkmootApp().start(start[0]);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                started.countDown();
            }
        });
        started.await();
        Thread.sleep(1500);
        CountDownLatch taken = new CountDownLatch(1);
        Platform.runLater(() -> {
            save(start[0].getScene(), "start-book.png");
            start[0].close();
            taken.countDown();
        });
        taken.await();

        Path one = tmp.resolve("one.meeting");
        try (MeetingSession session = MeetingSession.create(one, header, Clock.systemUTC())) {
            for (String line : orchard.subList(1, firstAdjourn + 1)) session.take(ActionCodec.read(Json.object(line)));
        }
        MeetingSession session = org.folkmoot.app.start.CommunityBook.begin(one, new org.folkmoot.procedure.MeetingInfo("2026-12-08", "Willow school hall",
                "Tomas Berg", "Ines Duarte"), Clock.systemUTC(), LOCALE);
        CountDownLatch shown = new CountDownLatch(1);
        MeetingWindows.Opened[] opened = new MeetingWindows.Opened[1];
        Platform.runLater(() -> {
            opened[0] = MeetingWindows.open(session, key, FolkmootApp.bundle(LOCALE), false, Runnable::run);
            opened[0].projector().setWidth(1280);
            opened[0].projector().setHeight(800);
            opened[0].projector().show();
            shown.countDown();
        });
        shown.await();
        Thread.sleep(1500);
        CountDownLatch standing = new CountDownLatch(1);
        Platform.runLater(() -> {
            save(opened[0].projector().getScene(), "projector-standing.png");
            // the count, then a contention vote on the earlier resolution while the form is filled in
            opened[0].view().choose(org.folkmoot.procedure.ActionKind.ATTENDANCE);
            opened[0].model().field("present").ifPresent(f -> f.valueProperty().set("100"));
            opened[0].model().record();
            opened[0].view().choose(org.folkmoot.procedure.ActionKind.VOTE);
            opened[0].model().field("resolution").ifPresent(f -> f.valueProperty().set(f.choices().get(f.choices().size() - 1)));
            opened[0].model().field("for").ifPresent(f -> f.valueProperty().set("70"));
            opened[0].model().field("against").ifPresent(f -> f.valueProperty().set("25"));
            opened[0].model().field("abstain").ifPresent(f -> f.valueProperty().set("5"));
            standing.countDown();
        });
        standing.await();
        Thread.sleep(1000);
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            save(opened[0].console().getScene(), "console-book.png");
            opened[0].projector().close();
            opened[0].console().close();
            done.countDown();
        });
        done.await();
    }

    /** The tally clerk's screen after counting a Municipality's stick: most passed, some not, a few refused. */
    private static void combine(Path tmp) throws Exception {
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (int i = 1; i <= 40; i++) ids.add(String.format("c%02d", i));
        Path roster = org.folkmoot.combine.Communities.roster(tmp.resolve("roster.json"), "M1", ids);
        Path stick = Files.createDirectories(tmp.resolve("stick"));
        for (int i = 0; i < 36; i++) {
            org.folkmoot.combine.Communities.Decided d = i % 9 == 4 ? org.folkmoot.combine.Communities.Decided.NOT_PASSED
                    : i % 12 == 7 ? org.folkmoot.combine.Communities.Decided.PASSED_AMENDED : org.folkmoot.combine.Communities.Decided.PASSED;
            Files.write(stick.resolve(ids.get(i) + ".verdict"), org.folkmoot.combine.Communities.verdict(ids.get(i), d));
        }
        Files.writeString(stick.resolve("notes.txt"), "chairs\n");
        CountDownLatch shown = new CountDownLatch(1);
        Stage[] stage = new Stage[1];
        org.folkmoot.app.combine.CombineViewModel[] model = new org.folkmoot.app.combine.CombineViewModel[1];
        Platform.runLater(() -> {
            model[0] = new org.folkmoot.app.combine.CombineViewModel(FolkmootApp.bundle(LOCALE), CommunityKey.fromSeed(new byte[32]), tmp,
                    Runnable::run);
            Scene scene = new Scene(new org.folkmoot.app.combine.CombineView(model[0], FolkmootApp.bundle(LOCALE)).root(), 1100, 860);
            scene.getStylesheets().add(FolkmootApp.stylesheet());
            stage[0] = new Stage();
            stage[0].setScene(scene);
            stage[0].show();
            model[0].rosterProperty().set(roster.toString());
            model[0].resolutionProperty().set(org.folkmoot.combine.Communities.RESOLUTION);
            model[0].textSha256Property().set(org.folkmoot.combine.Communities.SHA);
            model[0].inputsProperty().set(stick.toString());
            model[0].targetProperty().set(tmp.resolve("M-R1.tally").toString());
            model[0].count();
            shown.countDown();
        });
        shown.await();
        while (!model[0].countedProperty().get()) Thread.sleep(100);
        Thread.sleep(1000);
        CountDownLatch taken = new CountDownLatch(1);
        Platform.runLater(() -> {
            save(stage[0].getScene(), "combine.png");
            stage[0].close();
            taken.countDown();
        });
        taken.await();
    }

    /**
     * A body's proposal, down and back: the clerk's Issue a proposal form filled in, the Community's enrolled
     * bodies, the console with the proposal opened (locked, its source named), the projector once it is
     * presented, and the Count verdicts tab counted against the same file (one Community reported late).
     */
    private static void proposal(Path tmp, CommunityKey key) throws Exception {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 1; i <= 12; i++) ids.add(String.format("c%02d", i));
        Path rosterFile = org.folkmoot.combine.Communities.roster(tmp.resolve("m7.roster.json"), "M7", ids);
        org.folkmoot.verdict.Roster roster = org.folkmoot.verdict.Roster.read(rosterFile);
        CommunityKey bodyKey = CommunityKey.fromSeed(new byte[32]); // the Count verdicts tab below trusts this laptop's body key
        org.folkmoot.proposal.Proposal p = org.folkmoot.proposal.Proposal.issue(new org.folkmoot.proposal.Proposal.Draft(roster.body(),
                org.folkmoot.combine.Communities.RESOLUTION, "Seed library", org.folkmoot.combine.Communities.TEXT, null,
                org.folkmoot.combine.BodyRules.defaults(), roster, java.time.LocalDate.of(2026, 12, 20)), "2026-11-20T10:00:00Z", bodyKey);
        Path file = Files.write(tmp.resolve("M-R1.proposal"), p.file());
        Path data = org.folkmoot.files.DataFolder.path();
        org.folkmoot.proposal.Bodies.load(data).add(org.folkmoot.proposal.Bodies.readKeyFile(
                org.folkmoot.proposal.Bodies.keyFile(roster.body(), bodyKey), java.time.LocalDate.of(2026, 11, 21)));
        java.util.ResourceBundle words = FolkmootApp.bundle(LOCALE);

        // the clerk's form, filled in as it is saved
        Stage[] stage = new Stage[1];
        onFx(() -> {
            org.folkmoot.app.combine.ProposalViewModel issue = new org.folkmoot.app.combine.ProposalViewModel(words, bodyKey, data);
            issue.rosterProperty().set(rosterFile.toString());
            issue.resolutionProperty().set(p.resolution());
            issue.titleProperty().set(p.title());
            issue.textProperty().set(p.text());
            issue.reportByProperty().set(p.reportBy().toString());
            org.folkmoot.app.combine.ProposalView view = new org.folkmoot.app.combine.ProposalView(issue, words,
                    org.folkmoot.app.combine.Chooser.DIALOGS);
            view.root().setExpanded(true);
            stage[0] = shown(new javafx.scene.layout.VBox(view.root()), 1000, 560);
        });
        Thread.sleep(1000);
        onFx(() -> {
            save(stage[0].getScene(), "proposal-issue.png");
            stage[0].close();
        });

        // the Community's bodies, on its start screen
        onFx(() -> {
            BodiesViewModel bodies = new BodiesViewModel(data, words, Clock.systemUTC());
            javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(new BodiesView(bodies, words).root());
            box.setPadding(new javafx.geometry.Insets(16));
            stage[0] = shown(box, 900, 260);
        });
        Thread.sleep(1000);
        onFx(() -> {
            save(stage[0].getScene(), "proposal-bodies.png");
            stage[0].close();
        });

        // the facilitator opens it in the console, then presents it
        String header = "{\"format\":\"folkmoot-meeting/1\",\"community\":{\"id\":\"c01\",\"name\":\"Riverside 3\",\"members\":150},"
                + "\"meeting\":{\"date\":\"2026-12-10\",\"place\":\"Riverside hall\",\"facilitator\":\"Ana\",\"secretary\":\"Bo\"}}";
        MeetingSession session = MeetingSession.create(tmp.resolve("proposal.meeting"), HeaderCodec.read(Json.object(header)), Clock.systemUTC());
        session.take(ActionCodec.read(Json.object("{\"do\":\"attendance\",\"present\":120}")));
        MeetingWindows.Opened[] opened = new MeetingWindows.Opened[1];
        onFx(() -> {
            opened[0] = MeetingWindows.open(session, key, words, false, Runnable::run);
            opened[0].projector().setWidth(1280);
            opened[0].projector().setHeight(800);
            opened[0].projector().show();
            if (!opened[0].model().presentProposal(file)) throw new IllegalStateException(opened[0].model().messageProperty().get());
        });
        Thread.sleep(1500);
        onFx(() -> {
            save(opened[0].console().getScene(), "console-proposal.png");
            opened[0].model().record();
        });
        Thread.sleep(1500);
        onFx(() -> {
            save(opened[0].projector().getScene(), "projector-proposal.png");
            opened[0].projector().close();
            opened[0].console().close();
        });

        // the delegates' sticks, counted against the same file: eleven reported, one after the day to report by
        Path stick = Files.createDirectories(tmp.resolve("stick-proposal"));
        com.fasterxml.jackson.databind.node.ObjectNode upstream = Json.MAPPER.createObjectNode().put("level", "municipality")
                .put("body", "M7").put("resolution", p.resolution()).put("textSha256", p.textSha256()).put("proposalSha256", p.payloadSha256());
        for (int i = 0; i < 11; i++) {
            org.folkmoot.combine.Communities.Decided d = i == 3 ? org.folkmoot.combine.Communities.Decided.PASSED_AMENDED
                    : org.folkmoot.combine.Communities.Decided.PASSED;
            Files.write(stick.resolve(ids.get(i) + ".verdict"), org.folkmoot.combine.Communities.verdictAt(ids.get(i), d,
                    i == 7 ? "2026-12-22" : "2026-12-1" + (i % 9), p.text(), upstream));
        }
        Files.copy(file, stick.resolve("M-R1.proposal"));
        org.folkmoot.app.combine.CombineViewModel[] model = new org.folkmoot.app.combine.CombineViewModel[1];
        onFx(() -> {
            model[0] = new org.folkmoot.app.combine.CombineViewModel(words, bodyKey, tmp, Runnable::run);
            stage[0] = shown(new org.folkmoot.app.combine.CombineView(model[0], words).root(), 1100, 980);
            model[0].rosterProperty().set(rosterFile.toString());
            model[0].openProposal(file);
            model[0].inputsProperty().set(stick.toString());
            model[0].targetProperty().set(tmp.resolve("M-R1.tally").toString());
            model[0].count();
        });
        while (!model[0].countedProperty().get()) Thread.sleep(100);
        Thread.sleep(1000);
        onFx(() -> {
            save(stage[0].getScene(), "proposal-count.png");
            stage[0].close();
        });
    }

    /** Runs {@code step} on the FX thread and waits for it. */
    private static void onFx(Runnable step) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        RuntimeException[] failed = new RuntimeException[1];
        Platform.runLater(() -> {
            try {
                step.run();
            } catch (RuntimeException e) {
                failed[0] = e;
            } finally {
                done.countDown();
            }
        });
        done.await();
        if (failed[0] != null) throw failed[0];
    }

    /** A window of its own showing {@code root} at the given size, in the app's style. */
    private static Stage shown(javafx.scene.Parent root, double width, double height) {
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(FolkmootApp.stylesheet());
        Stage stage = new Stage();
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    private static void save(Scene scene, String name) {
        WritableImage image = scene.snapshot(null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) out.setRGB(x, y, pixels.getArgb(x, y));
        try {
            Files.createDirectories(OUT);
            ImageIO.write(out, "png", new File(OUT.toFile(), name));
            System.out.println("wrote " + OUT.resolve(name));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
