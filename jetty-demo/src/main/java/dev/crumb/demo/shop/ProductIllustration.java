package dev.crumb.demo.shop;

import dev.crumb.Html;

/**
 * Simple inline SVG drawings of the products, so the demo ships no image files and makes no request
 * for pictures. They are decorative: the product name next to them says what they show.
 */
public enum ProductIllustration {
    PRINTER("""
            <rect x="45" y="18" width="70" height="30" fill="#fff" stroke="#14213d" stroke-width="2"/>\
            <rect x="28" y="40" width="104" height="52" rx="9" fill="#cfd6e0"/>\
            <rect x="28" y="40" width="104" height="15" rx="7" fill="#14213d"/>\
            <rect x="46" y="80" width="68" height="26" fill="#fff" stroke="#14213d" stroke-width="2"/>\
            <path d="M56 90h40M56 97h28" stroke="#aab4c3" stroke-width="3"/>\
            <circle cx="118" cy="68" r="4.5" fill="#2a9d8f"/>"""),
    COPIER("""
            <rect x="40" y="18" width="80" height="14" rx="3" fill="#14213d"/>\
            <rect x="100" y="22" width="14" height="6" rx="2" fill="#e9c46a"/>\
            <rect x="34" y="32" width="92" height="74" rx="7" fill="#cfd6e0"/>\
            <rect x="44" y="42" width="72" height="10" rx="2" fill="#fff"/>\
            <rect x="44" y="60" width="72" height="16" rx="3" fill="#aab4c3"/>\
            <rect x="44" y="82" width="72" height="16" rx="3" fill="#aab4c3"/>\
            <path d="M72 68h16M72 90h16" stroke="#14213d" stroke-width="3" stroke-linecap="round"/>"""),
    SCANNER("""
            <path d="M40 36h80l12 26H28z" fill="#14213d"/>\
            <rect x="24" y="60" width="112" height="32" rx="7" fill="#cfd6e0"/>\
            <rect x="34" y="66" width="92" height="6" rx="3" fill="#2a9d8f"/>\
            <circle cx="122" cy="83" r="4" fill="#e9c46a"/>"""),
    PAPER("""
            <rect x="34" y="72" width="92" height="24" rx="3" fill="#e9c46a"/>\
            <rect x="34" y="48" width="92" height="24" rx="3" fill="#fff" stroke="#14213d" stroke-width="2"/>\
            <rect x="34" y="24" width="92" height="24" rx="3" fill="#e9c46a"/>\
            <rect x="60" y="30" width="40" height="12" rx="2" fill="#fff"/>\
            <rect x="60" y="78" width="40" height="12" rx="2" fill="#fff"/>"""),
    TONER("""
            <rect x="18" y="46" width="124" height="32" rx="11" fill="#14213d"/>\
            <rect x="30" y="53" width="64" height="18" rx="5" fill="#33466e"/>\
            <rect x="118" y="55" width="16" height="14" rx="3" fill="#e9c46a"/>\
            <path d="M36 62h44" stroke="#cfd6e0" stroke-width="3" stroke-linecap="round"/>"""),
    SHREDDER("""
            <rect x="58" y="14" width="44" height="28" fill="#fff" stroke="#14213d" stroke-width="2"/>\
            <rect x="40" y="50" width="80" height="56" rx="5" fill="#cfd6e0"/>\
            <rect x="32" y="36" width="96" height="18" rx="6" fill="#14213d"/>\
            <path d="M56 58v30M66 58v38M76 58v24M86 58v34M96 58v26M106 58v36" stroke="#fff" stroke-width="4" \
            stroke-linecap="round"/>"""),
    LAMINATOR("""
            <rect x="52" y="22" width="56" height="40" fill="#fff" stroke="#14213d" stroke-width="2"/>\
            <rect x="24" y="52" width="112" height="34" rx="13" fill="#c2502a"/>\
            <rect x="36" y="60" width="88" height="6" rx="3" fill="#14213d"/>\
            <circle cx="122" cy="76" r="4" fill="#e9c46a"/>"""),
    STAPLER("""
            <rect x="22" y="86" width="116" height="12" rx="6" fill="#14213d"/>\
            <path d="M28 82 118 60c12-3 18 3 18 12v10z" fill="#c2502a"/>\
            <circle cx="34" cy="84" r="6" fill="#cfd6e0" stroke="#14213d" stroke-width="2"/>""");

    private final String shapes;

    ProductIllustration(String shapes) {
        this.shapes = shapes;
    }

    /** The drawing as an inline, decorative SVG element. */
    public Html svg() {
        return Html.trusted("<svg class=\"illustration\" viewBox=\"0 0 160 120\" aria-hidden=\"true\" "
                + "focusable=\"false\">" + shapes + "</svg>");
    }
}
