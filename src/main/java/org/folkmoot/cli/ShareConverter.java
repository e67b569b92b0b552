package org.folkmoot.cli;

import org.folkmoot.procedure.Fraction;
import picocli.CommandLine;

/**
 * A share given on the command line ("2/3"): parsed by picocli as the option is read, so a wrong one is a usage
 * error (exit 64, one line naming the option) before the command does anything.
 */
final class ShareConverter implements CommandLine.ITypeConverter<Fraction> {
    @Override
    public Fraction convert(String text) {
        try {
            return Fraction.parseShare(text.strip());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
