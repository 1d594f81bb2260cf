package dev.crumb.demo.shop;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The products the shop sells, in display order. Immutable. */
public final class Catalog {

    private final Map<String, Product> byId;

    /**
     * A catalog of {@code products}.
     *
     * @throws IllegalArgumentException when two products share an ID
     */
    public Catalog(List<Product> products) {
        Map<String, Product> map = new LinkedHashMap<>();
        for (Product product : products) {
            if (map.putIfAbsent(product.id(), product) != null) {
                throw new IllegalArgumentException("two products have the id " + product.id());
            }
        }
        this.byId = map;
    }

    /**
     * The demo shop's catalog of office equipment and supplies. Pages show each product's texts from the
     * demo's bundle ({@code product.<id>.*}, in English, German and French); {@code SiteTextsTest} keeps
     * the English ones equal to these.
     */
    public static Catalog officeSupplies() {
        return new Catalog(List.of(
                new Product("p200-laser-printer", "P200 Laser Printer", "Printers", 249_00,
                        "A quiet black-and-white laser printer for a small office: 30 pages a minute, "
                                + "double-sided printing and a 250-sheet tray.", ProductIllustration.PRINTER),
                new Product("c5-color-copier", "C5 Color Copier", "Copiers", 1_890_00,
                        "Copies, prints and scans in color at 45 pages a minute, with two paper drawers "
                                + "and stapling.", ProductIllustration.COPIER),
                new Product("ds40-document-scanner", "DS40 Document Scanner", "Scanners", 329_00,
                        "Scans both sides of a 50-sheet stack into searchable PDFs in one pass.",
                        ProductIllustration.SCANNER),
                new Product("letter-paper-10", "Letter Copy Paper, 10 Reams", "Paper", 54_90,
                        "5,000 sheets of bright white 20 lb paper that feeds cleanly in every printer we sell.",
                        ProductIllustration.PAPER),
                new Product("k7-toner-black", "K7 Toner Cartridge, Black", "Supplies", 89_00,
                        "Genuine toner for the P200: about 6,000 pages per cartridge. Return the empty one "
                                + "free for recycling.", ProductIllustration.TONER),
                new Product("sh12-shredder", "SH12 Cross-Cut Shredder", "Shredders", 159_00,
                        "Turns 12 sheets at a time into confetti-sized pieces, with a 6-gallon bin you "
                                + "empty from the front.", ProductIllustration.SHREDDER),
                new Product("lm3-laminator", "LM3 Laminator", "Finishing", 79_50,
                        "Warms up in three minutes and laminates documents up to letter size.",
                        ProductIllustration.LAMINATOR),
                new Product("st24-stapler", "ST24 Heavy-Duty Stapler", "Desk", 24_90,
                        "Staples through 24 sheets without a fight. Steel base, non-slip feet.",
                        ProductIllustration.STAPLER)));
    }

    /** Every product, in display order. */
    public List<Product> all() {
        return List.copyOf(byId.values());
    }

    /** The product with {@code id}, if the shop sells it. */
    public Optional<Product> find(String id) {
        return Optional.ofNullable(id).map(byId::get);
    }
}
