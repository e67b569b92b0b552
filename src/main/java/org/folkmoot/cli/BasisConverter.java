package org.folkmoot.cli;

import org.folkmoot.procedure.Basis;
import picocli.CommandLine;

/** The basis given on the command line ("cast" or "present"), read as {@link ShareConverter} reads a share. */
final class BasisConverter implements CommandLine.ITypeConverter<Basis> {
    @Override
    public Basis convert(String text) {
        try {
            return Basis.fromWord(text.strip());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
