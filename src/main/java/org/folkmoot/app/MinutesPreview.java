package org.folkmoot.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.print.PageLayout;
import javafx.print.PrinterJob;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.folkmoot.minutes.MinutesPages;
import org.folkmoot.procedure.Words;

/**
 * Tonight's minutes before they are printed (issue 14, "a real print dialog"): the pages of the very file kept in
 * the data folder, and the system's print dialog with its printer list. Where this laptop has no printer the
 * secretary is told so and where the copy is — never a dialog that cannot print, never nothing.
 */
public final class MinutesPreview {
    /** Pages on screen are drawn at a little over the screen's own density, so that small print stays legible. */
    private static final float SCREEN_DPI = 110;
    /** Pages sent to a printer: sharp on paper, and one A4 page at a time is about 16 MB of pixels. */
    private static final float PRINT_DPI = 200;

    /** Where a print job comes from: the system's, or none where no printer is set up (a test gives its own). */
    private static Supplier<PrinterJob> printers = MinutesPreview::systemJob;

    private MinutesPreview() {
    }

    /**
     * Tests decide whether there is a printer: the laptop running them may have one, the CI machine has none;
     * {@code null} goes back to the system's.
     */
    static void usePrinters(Supplier<PrinterJob> jobs) {
        printers = jobs == null ? MinutesPreview::systemJob : jobs;
    }

    private static PrinterJob systemJob() {
        try {
            // a laptop whose printers have no default (common on Linux) still prints: the dialog lists them all
            javafx.print.Printer printer = javafx.print.Printer.getDefaultPrinter();
            if (printer == null) printer = javafx.print.Printer.getAllPrinters().stream().findFirst().orElse(null);
            return printer == null ? null : PrinterJob.createPrinterJob(printer);
        } catch (RuntimeException | LinkageError e) {
            return null; // a platform without a print service (a headless machine): the same as no printer
        }
    }

    /**
     * Opens the preview of {@code pdf}, the file kept at {@code kept}; {@code showDocument} opens it in the system's
     * PDF viewer, or is {@code null} where there is none; the pages are drawn, and sent to a printer, on
     * {@code background}.
     */
    public static Stage open(Window owner, Path kept, byte[] pdf, ResourceBundle text, Consumer<String> showDocument,
                             java.util.concurrent.Executor background) {
        Label status = new Label(Words.format(text.getString("preview.saved"), kept));
        status.setId("preview-status");
        status.setWrapText(true);
        Button print = new Button(text.getString("preview.print"));
        print.setId("preview-print");
        print.setDefaultButton(true);
        Button viewer = new Button(text.getString("preview.viewer"));
        viewer.setId("preview-viewer");
        viewer.setDisable(showDocument == null);
        Button close = new Button(text.getString("preview.close"));
        close.setId("preview-close");
        close.setCancelButton(true);
        HBox bar = new HBox(10, print, viewer, close);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(6, bar, status);
        top.setPadding(new Insets(10));

        VBox pages = new VBox(16);
        pages.setId("preview-pages");
        pages.setAlignment(Pos.TOP_CENTER);
        pages.setPadding(new Insets(16));
        pages.setStyle("-fx-background-color: #6b6b6b;");
        ScrollPane scroll = new ScrollPane(pages);
        scroll.setFitToWidth(true);
        BorderPane root = new BorderPane(scroll);
        root.setId("minutes-preview");
        root.setTop(top);

        Stage stage = new Stage();
        if (owner != null) stage.initOwner(owner);
        stage.setTitle(text.getString("preview.title"));
        // as tall as the screen it opens on allows, a page wide: never a window that runs off the screen
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        double width = Math.min(900, screen.getWidth() - 40), height = Math.min(1000, screen.getHeight() - 40);
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(FolkmootApp.stylesheet());
        stage.setScene(scene);
        close.setOnAction(e -> stage.close());
        viewer.setOnAction(e -> {
            showDocument.accept(kept.toUri().toString());
            status.setText(Words.format(text.getString("preview.in-viewer"), kept));
        });
        print.setOnAction(e -> print(stage, pdf, kept, text, status, print, background));

        Task<List<Image>> render = new Task<>() {
            @Override
            protected List<Image> call() throws IOException {
                List<Image> images = new ArrayList<>();
                try (MinutesPages read = MinutesPages.read(pdf)) {
                    for (int i = 0; i < read.count(); i++) images.add(image(read.render(i, SCREEN_DPI)));
                }
                return images;
            }
        };
        render.setOnSucceeded(e -> {
            for (Image page : render.getValue()) {
                ImageView view = new ImageView(page);
                view.setPreserveRatio(true);
                view.setStyle("-fx-effect: dropshadow(gaussian, rgba(0,0,0,0.5), 8, 0, 0, 2);");
                pages.getChildren().add(view);
            }
        });
        render.setOnFailed(e -> status.setText(Words.format(text.getString("preview.unreadable"), kept)));
        stage.setX(screen.getMinX() + (screen.getWidth() - width) / 2);
        stage.setY(screen.getMinY() + (screen.getHeight() - height) / 2);
        Windows.show(stage, width, height);
        background.execute(render);
        return stage;
    }

    private static void print(Stage stage, byte[] pdf, Path kept, ResourceBundle text, Label status, Button print,
                              java.util.concurrent.Executor background) {
        PrinterJob job = printers.get();
        if (job == null) {
            status.setText(Words.format(text.getString("preview.no-printer"), kept));
            return;
        }
        if (!job.showPrintDialog(stage)) {
            job.cancelJob();
            status.setText(text.getString("preview.cancelled"));
            return;
        }
        String printer = job.getPrinter().getName();
        print.setDisable(true);
        status.setText(Words.format(text.getString("preview.printing"), printer));
        Task<Integer> send = new Task<>() {
            @Override
            protected Integer call() throws IOException {
                PageLayout layout = job.getJobSettings().getPageLayout();
                try (MinutesPages read = MinutesPages.read(pdf)) {
                    for (int i = 0; i < read.count(); i++) {
                        ImageView page = new ImageView(image(read.render(i, PRINT_DPI)));
                        page.setPreserveRatio(true);
                        page.setFitWidth(layout.getPrintableWidth());
                        page.setFitHeight(layout.getPrintableHeight());
                        if (!job.printPage(layout, page)) throw new IOException(job.getJobStatus().toString());
                    }
                    if (!job.endJob()) throw new IOException(job.getJobStatus().toString());
                    return read.count();
                }
            }
        };
        send.setOnSucceeded(e -> {
            print.setDisable(false);
            status.setText(Words.format(text.getString("preview.sent"), printer, send.getValue(), kept));
        });
        send.setOnFailed(e -> {
            print.setDisable(false);
            job.cancelJob();
            status.setText(Words.format(text.getString("preview.print-failed"), printer, kept));
        });
        background.execute(send);
    }

    private static Image image(MinutesPages.Page page) {
        WritableImage image = new WritableImage(page.width(), page.height());
        image.getPixelWriter().setPixels(0, 0, page.width(), page.height(), PixelFormat.getIntArgbInstance(),
                page.argb(), 0, page.width());
        return image;
    }
}
