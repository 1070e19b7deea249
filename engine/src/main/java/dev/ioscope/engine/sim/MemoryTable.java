package dev.ioscope.engine.sim;

import dev.ioscope.engine.journal.JournalKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The memory descriptors, their maps and the latest DMA transfer as the journal tells them up to one point (the
 * workbench's Memory & DMA view): each descriptor's class, direction, length and capacity, wire count, maps and
 * whether it is live, released but held by a map, or freed; and how the last {@code dma-transfer} was cut into
 * segments, bounce pages marked. Built from the journal alone ({@code memory.*}, {@code dma.*}), so stepping back
 * shows the state then. Feed events in order with {@link #accept}.
 */
public final class MemoryTable implements JournalFolding {
    /** One descriptor at this point. {@code capacity} is empty for a descriptor that is not a buffer. */
    public record Descriptor(String name, String owner, String cls, String task, String direction, String length,
                             String capacity, int wireCount, boolean readOnly, List<String> maps, String state,
                             String last) {
        public Descriptor {
            maps = List.copyOf(maps);
        }
    }

    /** One segment of the last transfer. */
    public record Segment(int index, String address, String length, boolean bounce) {
    }

    /** The last DMA transfer: what was prepared, how, and its segments so far. */
    public record Transfer(String owner, String memory, String ranges, String length, String result, boolean cursor,
                           boolean doubleBuffer, int bouncePages, String copyBuffer, List<Segment> segments,
                           String end) {
        public Transfer {
            segments = List.copyOf(segments);
        }
    }

    private static final class Info {
        String owner;
        String cls;
        String task;
        String direction;
        String length;
        String capacity;
        int wireCount;
        boolean readOnly;
        final Map<String, String> maps = new LinkedHashMap<>();
        String state = "live";
        String last = "";
    }

    private final Map<String, Info> descriptors = new LinkedHashMap<>();
    private Transfer transfer;
    private int seen;

    @Override
    public int seen() {
        return seen;
    }

    @Override
    public void accept(JournalEvent e) {
        seen++;
        if (!(e.kind() instanceof JournalKind kind)) {
            return;
        }
        Map<String, String> d = e.details();
        switch (kind) {
            case MEMORY_CREATE -> {
                Info n = new Info();
                n.owner = e.entry();
                n.cls = d.get("class");
                n.task = d.get("task");
                n.direction = d.get("direction");
                n.length = d.get("length");
                n.capacity = d.getOrDefault("capacity", "");
                n.wireCount = Integer.parseInt(d.get("wireCount"));
                n.last = "created at " + d.get("ranges");
                descriptors.put(d.get("descriptor"), n);
            }
            case MEMORY_PREPARE, MEMORY_COMPLETE -> with(d, s -> {
                s.wireCount = Integer.parseInt(d.get("wireCount"));
                s.readOnly = Boolean.parseBoolean(d.get("readOnly"));
                s.last = (kind == JournalKind.MEMORY_PREPARE ? "prepare(" + ("NONE".equals(d.get("direction")) ? ""
                        : d.get("direction")) + ")" : "complete")
                        + ": " + d.get("result") + (Boolean.parseBoolean(d.get("unbalanced")) ? " (no prepare)" : "");
            });
            case MEMORY_SET_LENGTH -> with(d, s -> {
                s.length = d.get("length");
                s.last = "setLength(" + d.get("asked") + ")" + (Boolean.parseBoolean(d.get("set")) ? ""
                        : ": ignored, above the capacity");
            });
            case MEMORY_MAP -> with(d, s -> {
                s.maps.put(d.get("map"), d.get("map") + " " + d.get("address") + "+" + d.get("length")
                        + (Boolean.parseBoolean(d.get("readOnly")) ? " ro" : "")
                        + ("kIODefaultCache".equals(d.get("cache")) ? "" : " " + d.get("cache"))
                        + " ×" + d.get("retainCount"));
                s.last = "mapped in " + d.get("task") + (Boolean.parseBoolean(d.get("shared")) ? " (shared)" : "");
            });
            case MEMORY_UNMAP -> with(d, s -> {
                s.maps.computeIfPresent(d.get("map"), (k, v) -> k + " unmapped");
                s.last = "unmap " + d.get("map");
            });
            case MEMORY_RELEASE -> with(d, s -> {
                if (d.containsKey("map")) {
                    if (Boolean.parseBoolean(d.get("freed"))) {
                        s.maps.remove(d.get("map"));
                    } else {
                        s.maps.computeIfPresent(d.get("map"), (k, v) -> v.replaceFirst("×\\d+$",
                                "×" + d.get("retainCount")));
                    }
                    s.last = "release " + d.get("map");
                } else {
                    s.state = "released, held by " + d.get("maps") + " map(s)";
                    s.last = "release";
                }
            });
            case MEMORY_FREE -> with(d, s -> {
                s.state = "freed";
                s.maps.clear();
                s.last = "freed by " + d.get("by");
            });
            case MEMORY_REFUSED -> {
                Info s = descriptors.get(d.get("descriptor"));
                if (s != null) {
                    s.last = d.get("call") + ": " + d.get("result") + " (" + d.get("reason") + ")";
                }
            }
            case DMA_PREPARE -> transfer = new Transfer(e.entry(), d.getOrDefault("memory", ""),
                    d.getOrDefault("ranges", ""), d.get("length"), d.get("result"),
                    Boolean.parseBoolean(d.get("cursor")), Boolean.parseBoolean(d.get("doubleBuffer")),
                    Integer.parseInt(d.getOrDefault("bouncePages", "0")), d.getOrDefault("copyBuffer", ""),
                    List.of(), "");
            case DMA_SEGMENT -> {
                if (transfer != null) {
                    List<Segment> segs = new ArrayList<>(transfer.segments());
                    segs.add(new Segment(Integer.parseInt(d.get("index")), d.get("address"), d.get("length"),
                            Boolean.parseBoolean(d.get("bounce"))));
                    transfer = withSegments(segs, transfer.end());
                }
            }
            case DMA_GENERATE, DMA_COMPLETE -> {
                if (transfer != null) {
                    transfer = withSegments(transfer.segments(), (kind == JournalKind.DMA_GENERATE
                            ? "genIOVMSegments: " : "complete: ") + d.get("result"));
                }
            }
            default -> {
                // other kinds say nothing about memory
            }
        }
    }

    private Transfer withSegments(List<Segment> segs, String end) {
        Transfer t = transfer;
        return new Transfer(t.owner(), t.memory(), t.ranges(), t.length(), t.result(), t.cursor(), t.doubleBuffer(),
                t.bouncePages(), t.copyBuffer(), segs, end);
    }

    private void with(Map<String, String> d, Consumer<Info> f) {
        Info s = descriptors.get(d.get("descriptor"));
        if (s != null) {
            f.accept(s);
        }
    }

    public List<Descriptor> descriptors() {
        List<Descriptor> out = new ArrayList<>();
        descriptors.forEach((n, s) -> out.add(new Descriptor(n, s.owner, s.cls, s.task, s.direction, s.length,
                s.capacity, s.wireCount, s.readOnly, List.copyOf(s.maps.values()), s.state, s.last)));
        return out;
    }

    /** The latest transfer, or null before any. */
    public Transfer transfer() {
        return transfer;
    }
}
