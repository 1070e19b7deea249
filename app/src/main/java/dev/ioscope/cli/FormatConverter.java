package dev.ioscope.cli;

import dev.ioscope.engine.snapshot.SnapshotFormat;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --to FORMAT}: a format name as {@link SnapshotFormat#parse} knows them (ioreg, xml, text, json, ...). */
final class FormatConverter implements ITypeConverter<SnapshotFormat> {
    @Override
    public SnapshotFormat convert(String value) {
        return SnapshotFormat.parse(value).orElseThrow(() -> new TypeConversionException("unknown format " + value));
    }
}
