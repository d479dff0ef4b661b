package dev.allframe.infra.hcl;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The content of a file or block: attributes and nested blocks, in order.
 *
 * @param items the items
 */
public record Body(List<Item> items) {
    /** Copies. */
    public Body {
        items = List.copyOf(items);
    }

    /** An attribute or a block. */
    public sealed interface Item permits Attribute, Block {
    }

    /**
     * {@code name = value}.
     *
     * @param name an identifier
     * @param value the value
     */
    public record Attribute(String name, Expr value) implements Item {
        /** Checks the name. */
        public Attribute {
            if (!Expr.IDENTIFIER.matcher(name).matches()) {
                throw new IllegalArgumentException("not an attribute name: " + name);
            }
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * {@code type "label" ... { body }}.
     *
     * @param type an identifier
     * @param labels the labels (written quoted)
     * @param body the body
     */
    public record Block(String type, List<String> labels, Body body) implements Item {
        /** Checks the type and copies. */
        public Block {
            if (!Expr.IDENTIFIER.matcher(type).matches()) {
                throw new IllegalArgumentException("not a block type: " + type);
            }
            labels = List.copyOf(labels);
            Objects.requireNonNull(body, "body");
        }

        /** @return the block's address-like key: {@code resource.aws_sqs_queue.orders} */
        public String address() {
            return labels.isEmpty() ? type : type + "." + String.join(".", labels);
        }
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param type the block type
     * @param labels the labels
     * @return a builder of a block
     */
    public static BlockBuilder block(String type, String... labels) {
        return new BlockBuilder(type, List.of(labels));
    }

    /** A mutable, not thread-safe builder of bodies. */
    public static class Builder {
        final List<Item> items = new ArrayList<>();

        Builder() {
        }

        /**
         * @param name the attribute
         * @param value its value
         * @return this
         */
        public Builder attr(String name, Expr value) {
            items.add(new Attribute(name, value));
            return this;
        }

        /**
         * @param name the attribute
         * @param value its value, a string literal
         * @return this
         */
        public Builder attr(String name, String value) {
            return attr(name, Expr.str(value));
        }

        /**
         * @param name the attribute
         * @param value its value, a number literal
         * @return this
         */
        public Builder attr(String name, long value) {
            return attr(name, Expr.num(value));
        }

        /**
         * @param name the attribute
         * @param value its value, a bool literal
         * @return this
         */
        public Builder attr(String name, boolean value) {
            return attr(name, Expr.bool(value));
        }

        /**
         * @param block a nested block
         * @return this
         */
        public Builder block(Block block) {
            items.add(block);
            return this;
        }

        /**
         * @param block a nested block builder
         * @return this
         */
        public Builder block(BlockBuilder block) {
            return block(block.build());
        }

        /** @return the body */
        public Body buildBody() {
            return new Body(items);
        }
    }

    /** A mutable, not thread-safe builder of a block. */
    public static final class BlockBuilder extends Builder {
        private final String type;
        private final List<String> labels;

        BlockBuilder(String type, List<String> labels) {
            if (!Expr.IDENTIFIER.matcher(type).matches()) {
                throw new IllegalArgumentException("not a block type: " + type);
            }
            this.type = type;
            this.labels = labels;
        }

        @Override
        public BlockBuilder attr(String name, Expr value) {
            super.attr(name, value);
            return this;
        }

        @Override
        public BlockBuilder attr(String name, String value) {
            super.attr(name, value);
            return this;
        }

        @Override
        public BlockBuilder attr(String name, long value) {
            super.attr(name, value);
            return this;
        }

        @Override
        public BlockBuilder attr(String name, boolean value) {
            super.attr(name, value);
            return this;
        }

        @Override
        public BlockBuilder block(Block block) {
            super.block(block);
            return this;
        }

        @Override
        public BlockBuilder block(BlockBuilder block) {
            super.block(block);
            return this;
        }

        /** @return the block */
        public Block build() {
            return new Block(type, labels, buildBody());
        }
    }
}
