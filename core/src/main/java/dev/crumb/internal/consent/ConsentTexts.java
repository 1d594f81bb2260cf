package dev.crumb.internal.consent;

import dev.crumb.Category;
import java.util.Map;

/**
 * Every text of the consent page and banner, in English, German and French. One record per language,
 * so the compiler checks that no language misses a text. Texts are plain (escaped when rendered).
 */
public record ConsentTexts(
        String lang,
        String title,
        String intro,
        String legend,
        String alwaysOn,
        String necessary, String necessaryHelp,
        String preferences, String preferencesHelp,
        String analytics, String analyticsHelp,
        String marketing, String marketingHelp,
        String acceptAll, String rejectAll, String save,
        String currentHeading, String notChosen, String chosenOn, String regionDefault, String gpcRefusal,
        String on, String off,
        String bannerLabel, String bannerText, String settingsLink,
        String unavailableTitle, String unavailableBody,
        String expiredTitle, String expiredBody,
        String introDefaultsOn, String bannerTextDefaultsOn, String gpcConflict, String controlledBy,
        String privacyPolicy, String choiceLapsed) {

    private static final ConsentTexts EN = new ConsentTexts(
            "en",
            "Cookies and privacy choices",
            "This site needs one encrypted cookie to work. Everything else is optional and only used with your "
                    + "consent. You can change your choice here at any time.",
            "Optional data",
            "always on",
            "Necessary", "The site's encrypted cookie: a random visitor ID, your country and language, and this choice.",
            "Preferences", "Remembers things for you, such as form data you typed and recently viewed items.",
            "Analytics", "Counts page visits tied to a pseudonymous ID, to learn how the site is used.",
            "Marketing", "Promotional email and marketing cookies.",
            "Accept all", "Reject all", "Save my choice",
            "Your current choice", "You have not chosen yet; until you do, ", "You chose this on ",
            "the default for your region applies.", "your browser asks not to be tracked (Global Privacy Control), "
                    + "so every optional category is off.",
            "on", "off",
            "Cookie consent", "We use optional cookies for preferences, analytics and marketing only if you agree.",
            "Cookie settings",
            "Your choice could not be saved",
            "We could not record your choice just now, so nothing was changed. Please try again in a moment.",
            "Please try again",
            "This form has expired or did not come from this site. Go back, reload the page and try again. "
                    + "If your browser blocks cookies, this site cannot remember your choice."            ,
            "This site needs one encrypted cookie to work. Preferences and analytics are on by default where you "
                    + "are; marketing is only used with your consent. You can turn any of them off here at any time.",
            "Preferences and analytics cookies are on by default where you are; marketing only if you agree. "
                    + "You can reject them all.",
            "Your browser sends Global Privacy Control, which asks that your data is not sold or shared: marketing "
                    + "is off, although you accepted it earlier. To allow marketing while your browser sends the "
                    + "signal, tick it and save.",
            "This site is run by ",
            "Privacy policy",
            "Your earlier choice has expired, so we ask again; until you choose, ");

    private static final ConsentTexts DE = new ConsentTexts(
            "de",
            "Cookies und Datenschutz-Einstellungen",
            "Diese Website braucht ein verschlüsseltes Cookie, um zu funktionieren. Alles andere ist freiwillig "
                    + "und wird nur mit Ihrer Einwilligung verwendet. Sie können Ihre Wahl hier jederzeit ändern.",
            "Freiwillige Daten",
            "immer aktiv",
            "Notwendig", "Das verschlüsselte Cookie der Website: eine zufällige Besucher-ID, Ihr Land und Ihre Sprache "
                    + "sowie diese Wahl.",
            "Präferenzen", "Merkt sich Dinge für Sie, etwa eingegebene Formulardaten und zuletzt angesehene Artikel.",
            "Statistik", "Zählt Seitenaufrufe unter einer pseudonymen ID, um zu verstehen, wie die Website genutzt wird.",
            "Marketing", "Werbe-E-Mails und Marketing-Cookies.",
            "Alle akzeptieren", "Alle ablehnen", "Auswahl speichern",
            "Ihre aktuelle Wahl", "Sie haben noch nicht gewählt; bis dahin ", "Sie haben dies gewählt am ",
            "gilt die Voreinstellung für Ihre Region.", "bittet Ihr Browser darum, nicht verfolgt zu werden "
                    + "(Global Privacy Control), daher ist jede freiwillige Kategorie aus.",
            "an", "aus",
            "Cookie-Einwilligung", "Wir verwenden freiwillige Cookies für Präferenzen, Statistik und Marketing nur, "
                    + "wenn Sie zustimmen.",
            "Cookie-Einstellungen",
            "Ihre Wahl konnte nicht gespeichert werden",
            "Wir konnten Ihre Wahl gerade nicht festhalten, daher wurde nichts geändert. Bitte versuchen Sie es "
                    + "gleich noch einmal.",
            "Bitte erneut versuchen",
            "Dieses Formular ist abgelaufen oder stammt nicht von dieser Website. Gehen Sie zurück, laden Sie die "
                    + "Seite neu und versuchen Sie es erneut. Blockiert Ihr Browser Cookies, kann sich diese Website "
                    + "Ihre Wahl nicht merken."            ,
            "Diese Website braucht ein verschlüsseltes Cookie, um zu funktionieren. Präferenzen und Statistik sind "
                    + "in Ihrer Region voreingestellt aktiv; Marketing nur mit Ihrer Einwilligung. Sie können alles "
                    + "hier jederzeit ausschalten.",
            "Präferenz- und Statistik-Cookies sind in Ihrer Region voreingestellt aktiv; Marketing nur, wenn Sie "
                    + "zustimmen. Sie können alle ablehnen.",
            "Ihr Browser sendet Global Privacy Control und bittet darum, Ihre Daten nicht zu verkaufen oder "
                    + "weiterzugeben: Marketing ist aus, obwohl Sie es früher akzeptiert haben. Um Marketing trotz "
                    + "des Signals zu erlauben, haken Sie es an und speichern Sie.",
            "Diese Website wird betrieben von ",
            "Datenschutzerklärung",
            "Ihre frühere Wahl ist abgelaufen, daher fragen wir erneut; bis Sie wählen, ");

    private static final ConsentTexts FR = new ConsentTexts(
            "fr",
            "Cookies et choix de confidentialité",
            "Ce site a besoin d’un cookie chiffré pour fonctionner. Tout le reste est facultatif et n’est utilisé "
                    + "qu’avec votre consentement. Vous pouvez modifier votre choix ici à tout moment.",
            "Données facultatives",
            "toujours actif",
            "Nécessaire", "Le cookie chiffré du site : un identifiant de visiteur aléatoire, votre pays et votre langue, "
                    + "et ce choix.",
            "Préférences", "Retient des informations pour vous, comme les formulaires saisis et les articles consultés.",
            "Mesure d’audience", "Compte les pages vues sous un identifiant pseudonyme, pour comprendre l’usage du site.",
            "Marketing", "E-mails promotionnels et cookies marketing.",
            "Tout accepter", "Tout refuser", "Enregistrer mon choix",
            "Votre choix actuel", "Vous n’avez pas encore choisi ; en attendant, ", "Vous avez fait ce choix le ",
            "le réglage par défaut de votre région s’applique.", "votre navigateur demande à ne pas être suivi "
                    + "(Global Privacy Control) : toutes les catégories facultatives sont désactivées.",
            "activé", "désactivé",
            "Consentement aux cookies", "Nous n’utilisons des cookies facultatifs pour les préférences, la mesure "
                    + "d’audience et le marketing qu’avec votre accord.",
            "Paramètres des cookies",
            "Votre choix n’a pas pu être enregistré",
            "Nous n’avons pas pu enregistrer votre choix pour le moment, rien n’a donc été modifié. Veuillez "
                    + "réessayer dans un instant.",
            "Veuillez réessayer",
            "Ce formulaire a expiré ou ne provient pas de ce site. Revenez en arrière, rechargez la page et "
                    + "réessayez. Si votre navigateur bloque les cookies, ce site ne peut pas retenir votre choix."            ,
            "Ce site a besoin d’un cookie chiffré pour fonctionner. Les préférences et la mesure d’audience sont "
                    + "activées par défaut là où vous êtes ; le marketing seulement avec votre consentement. Vous "
                    + "pouvez tout désactiver ici à tout moment.",
            "Les cookies de préférences et de mesure d’audience sont activés par défaut là où vous êtes ; le "
                    + "marketing seulement avec votre accord. Vous pouvez tout refuser.",
            "Votre navigateur envoie Global Privacy Control, qui demande que vos données ne soient ni vendues ni "
                    + "partagées : le marketing est désactivé, bien que vous l’ayez accepté auparavant. Pour "
                    + "l’autoriser malgré le signal, cochez-le et enregistrez.",
            "Ce site est exploité par ",
            "Politique de confidentialité",
            "Votre choix précédent a expiré, nous vous redemandons donc ; en attendant, ");

    private static final Map<String, ConsentTexts> BY_LANGUAGE = Map.of("en", EN, "de", DE, "fr", FR);

    /** The texts in {@code language}, English when Crumb has no translation for it. */
    public static ConsentTexts of(String language) {
        return BY_LANGUAGE.getOrDefault(language, EN);
    }

    /**
     * The banner's sentence for the state in force: while the region's defaults turn optional categories
     * on, the banner must not claim they are used "only if you agree".
     */
    public String bannerTextFor(ConsentState state) {
        return defaultsOn(state) ? bannerTextDefaultsOn : bannerText;
    }

    /** The consent page's introduction for the state in force (see {@link #bannerTextFor}). */
    public String introFor(ConsentState state) {
        return defaultsOn(state) ? introDefaultsOn : intro;
    }

    private static boolean defaultsOn(ConsentState state) {
        return !state.explicit() && state.granted().stream().anyMatch(Category::optional);
    }

    /** The name of a category. */
    public String name(Category category) {
        return switch (category) {
            case NECESSARY -> necessary;
            case PREFERENCES -> preferences;
            case ANALYTICS -> analytics;
            case MARKETING -> marketing;
        };
    }

    /** What a category is for. */
    public String help(Category category) {
        return switch (category) {
            case NECESSARY -> necessaryHelp;
            case PREFERENCES -> preferencesHelp;
            case ANALYTICS -> analyticsHelp;
            case MARKETING -> marketingHelp;
        };
    }
}
