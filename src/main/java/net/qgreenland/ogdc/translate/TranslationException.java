package net.qgreenland.ogdc.translate;

/** A valid recipe that cannot be translated with the given settings, e.g. DataONE inputs without a node URL. */
public final class TranslationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TranslationException(String message) {
        super(message);
    }
}
