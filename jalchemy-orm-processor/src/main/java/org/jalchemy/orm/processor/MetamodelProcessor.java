package org.jalchemy.orm.processor;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes the typed metamodel of every {@code @Entity} class: for {@code com.acme.User} a class
 * {@code com.acme.User_} with one {@code public static final Attribute<User, T>} per mapped field,
 * named like the field ({@code User_.username}). A nested entity {@code Outer.User} gets
 * {@code Outer_User_}.
 *
 * <p>The field rule is the mapper's: every non-static field that is neither {@code transient} nor
 * {@code @Transient}, superclass fields first. The processor names annotations by their qualified names only, so it has
 * no dependency on jalchemy-orm (which compiles its own tests with it). Generated attributes
 * resolve their mapper lazily, so loading {@code User_} maps nothing.
 */
@SupportedAnnotationTypes(MetamodelProcessor.ENTITY)
public final class MetamodelProcessor extends AbstractProcessor {
    static final String ENTITY = "org.jalchemy.orm.annotations.Entity";
    static final String TRANSIENT = "org.jalchemy.orm.annotations.Transient";
    static final String RELATIONSHIP = "org.jalchemy.orm.annotations.Relationship";
    static final String ATTRIBUTE = "org.jalchemy.orm.mapping.Attribute";
    static final String REL_ATTRIBUTE = "org.jalchemy.orm.mapping.RelationshipAttribute";
    static final String EMBEDDED = "org.jalchemy.orm.annotations.Embedded";
    static final String COMPOSITE_ATTRIBUTE = "org.jalchemy.orm.mapping.CompositeAttribute";
    static final String FIELD_ACCESS = "org.jalchemy.orm.mapping.FieldAccess";

    private Filer filer;
    private Messager messager;
    private Types types;

    @Override
    public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        filer = env.getFiler();
        messager = env.getMessager();
        types = env.getTypeUtils();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (TypeElement annotation : annotations) {
            for (Element e : round.getElementsAnnotatedWith(annotation)) {
                if (e.getKind() != ElementKind.CLASS) {
                    messager.printMessage(Diagnostic.Kind.ERROR, "@Entity applies to classes only", e);
                    continue;
                }
                try {
                    write((TypeElement) e);
                } catch (IOException ex) {
                    messager.printMessage(Diagnostic.Kind.ERROR, "Cannot write the metamodel of " + e + ": " + ex, e);
                }
            }
        }
        return false;
    }

    private void write(TypeElement entity) throws IOException {
        String pkg = packageOf(entity);
        String simple = metamodelName(entity);
        String entityRef = entity.getQualifiedName().toString();
        List<String[]> attrs = new ArrayList<>(); // {name, boxed type}
        List<String[]> rels = new ArrayList<>(); // {name, target entity}
        List<VariableElement> columns = new ArrayList<>(); // the column fields, in attrs' order
        List<VariableElement> relFields = new ArrayList<>(); // the relationship fields, in rels' order
        for (TypeElement t = entity; t != null; t = superclassOf(t)) {
            List<String[]> own = new ArrayList<>();
            List<String[]> ownRels = new ArrayList<>();
            List<VariableElement> ownColumns = new ArrayList<>();
            List<VariableElement> ownRelFields = new ArrayList<>();
            for (VariableElement f : ElementFilter.fieldsIn(t.getEnclosedElements())) {
                Set<Modifier> mods = f.getModifiers();
                if (mods.contains(Modifier.STATIC) || mods.contains(Modifier.TRANSIENT) || has(f, TRANSIENT)) {
                    continue;
                }
                String target = relationshipTarget(f);
                if (target != null) {
                    ownRels.add(new String[]{f.getSimpleName().toString(), target});
                    ownRelFields.add(f);
                    continue;
                }
                if (has(f, RELATIONSHIP)) {
                    continue; // a malformed relationship: the mapper reports it
                }
                own.add(new String[]{f.getSimpleName().toString(), typeName(f.asType()), has(f, EMBEDDED) ? "e" : ""});
                ownColumns.add(f);
            }
            attrs.addAll(0, own); // superclass fields first, like the mapper
            rels.addAll(0, ownRels);
            columns.addAll(0, ownColumns);
            relFields.addAll(0, ownRelFields);
        }
        StringBuilder src = new StringBuilder();
        if (!pkg.isEmpty()) {
            src.append("package ").append(pkg).append(";\n\n");
        }
        src.append("/** Typed metamodel of {@link ").append(entityRef).append("}; generated, do not edit. */\n");
        src.append("@javax.annotation.processing.Generated(\"").append(getClass().getName()).append("\")\n");
        src.append("public final class ").append(simple).append(" {\n");
        for (String[] a : attrs) {
            String kind = a.length > 2 && !a[2].isEmpty() ? COMPOSITE_ATTRIBUTE : ATTRIBUTE;
            src.append("    public static final ").append(kind).append('<').append(entityRef).append(", ")
                    .append(a[1]).append("> ").append(a[0]).append(" =\n            ").append(kind)
                    .append(".of(").append(entityRef).append(".class, \"").append(a[0]).append("\", ")
                    .append(erasure(a[1])).append(".class);\n");
        }
        for (String[] r : rels) {
            src.append("    public static final ").append(REL_ATTRIBUTE).append('<').append(entityRef).append(", ")
                    .append(r[1]).append("> ").append(r[0]).append(" =\n            ").append(REL_ATTRIBUTE)
                    .append(".of(").append(entityRef).append(".class, \"").append(r[0]).append("\", ")
                    .append(r[1]).append(".class);\n");
        }
        List<VariableElement> all = new ArrayList<>(columns);
        all.addAll(relFields);
        if (accessible(entity, all)) {
            writeAccess(src, entityRef, columns, relFields);
        }
        src.append("\n    private ").append(simple).append("() {\n    }\n}\n");
        String qualified = pkg.isEmpty() ? simple : pkg + "." + simple;
        try (Writer w = filer.createSourceFile(qualified, entity).openWriter()) {
            w.write(src.toString());
        }
    }

    /**
     * Whether the generated code, in the entity's package, can build the entity and read and write
     * every column and relationship field with plain Java: a concrete, non-private (also its enclosing classes) static
     * class with a non-private no-arg constructor, and fields that are neither private, final nor
     * {@code @Embedded}, of a non-generic-variable type, public when declared in another package.
     * When not, no accessor is written and the ORM uses method handles.
     */
    private boolean accessible(TypeElement entity, List<VariableElement> fields) {
        if (entity.getModifiers().contains(Modifier.ABSTRACT) || !entity.getTypeParameters().isEmpty()) {
            return false;
        }
        for (Element e = entity; e instanceof TypeElement t; e = e.getEnclosingElement()) {
            if (t.getModifiers().contains(Modifier.PRIVATE) || t != entity && !t.getKind().isClass() && !t.getKind().isInterface()) {
                return false;
            }
            if (t.getEnclosingElement() instanceof TypeElement && !t.getModifiers().contains(Modifier.STATIC)) {
                return false;
            }
        }
        boolean ctor = false;
        for (javax.lang.model.element.ExecutableElement c : ElementFilter.constructorsIn(entity.getEnclosedElements())) {
            ctor |= c.getParameters().isEmpty() && !c.getModifiers().contains(Modifier.PRIVATE);
        }
        if (!ctor) {
            return false;
        }
        String pkg = packageOf(entity);
        for (VariableElement f : fields) {
            Set<Modifier> mods = f.getModifiers();
            TypeKind kind = f.asType().getKind();
            if (mods.contains(Modifier.PRIVATE) || mods.contains(Modifier.FINAL) || has(f, EMBEDDED)
                    || kind == TypeKind.TYPEVAR || kind == TypeKind.ERROR) {
                return false;
            }
            TypeElement owner = (TypeElement) f.getEnclosingElement();
            if (!packageOf(owner).equals(pkg) && !(mods.contains(Modifier.PUBLIC) && owner.getModifiers().contains(Modifier.PUBLIC))) {
                return false;
            }
        }
        return true;
    }

    /** The nested {@code Access} class: {@code org.jalchemy.orm.mapping.FieldAccess} for the entity. */
    private void writeAccess(StringBuilder src, String entityRef, List<VariableElement> columns, List<VariableElement> rels) {
        src.append("\n    /** Plain-Java field access for jalchemy's loader; generated, do not edit. */\n");
        src.append("    @SuppressWarnings({\"unchecked\", \"rawtypes\"})\n");
        src.append("    public static final class Access implements ").append(FIELD_ACCESS).append('<').append(entityRef).append("> {\n");
        src.append("        private static final java.util.List<String> FIELDS = ").append(names(columns)).append(";\n");
        src.append("        private static final java.util.List<String> RELATIONSHIPS = ").append(names(rels)).append(";\n");
        src.append("\n        public Access() {\n        }\n");
        src.append("\n        @Override\n        public java.util.List<String> fields() {\n            return FIELDS;\n        }\n");
        src.append("\n        @Override\n        public java.util.List<String> relationships() {\n            return RELATIONSHIPS;\n        }\n");
        src.append("\n        @Override\n        public ").append(entityRef).append(" newInstance() {\n            return new ")
                .append(entityRef).append("();\n        }\n");
        src.append("\n        @Override\n        public void setAll(").append(entityRef).append(" o, Object[] v) {\n");
        for (int i = 0; i < columns.size(); i++) {
            src.append("            ").append(store(columns.get(i), "v[" + i + "]")).append('\n');
        }
        src.append("        }\n");
        writeSwitches(src, entityRef, "", columns);
        writeSwitches(src, entityRef, "Relationship", rels);
        src.append("    }\n");
    }

    /** {@code get<kind>(o, i)} and {@code set<kind>(o, i, v)} over {@code fields} by index. */
    private void writeSwitches(StringBuilder src, String entityRef, String kind, List<VariableElement> fields) {
        src.append("\n        @Override\n        public Object get").append(kind).append('(').append(entityRef)
                .append(" o, int i) {\n            switch (i) {\n");
        for (int i = 0; i < fields.size(); i++) {
            src.append("                case ").append(i).append(": return o.").append(fields.get(i).getSimpleName()).append(";\n");
        }
        src.append("                default: throw new IndexOutOfBoundsException(i);\n            }\n        }\n");
        src.append("\n        @Override\n        public void set").append(kind).append('(').append(entityRef)
                .append(" o, int i, Object v) {\n            switch (i) {\n");
        for (int i = 0; i < fields.size(); i++) {
            src.append("                case ").append(i).append(": ").append(store(fields.get(i), "v")).append(" return;\n");
        }
        src.append("                default: throw new IndexOutOfBoundsException(i);\n            }\n        }\n");
    }

    /** {@code o.f = (T) value;} — guarded by a null check for a primitive field, which keeps its value then. */
    private String store(VariableElement f, String value) {
        String s = "o." + f.getSimpleName() + " = (" + castName(f.asType()) + ") " + value + ";";
        return f.asType().getKind().isPrimitive() ? "if (" + value + " != null) { " + s + " }" : s;
    }

    private static String names(List<VariableElement> fields) {
        StringBuilder sb = new StringBuilder("java.util.List.of(");
        for (int i = 0; i < fields.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append('"').append(fields.get(i).getSimpleName()).append('"');
        }
        return sb.append(')').toString();
    }

    /**
     * The entity a relationship field points at — the field's type, or the type argument of a
     * List/Set/Collection — when that type is an {@code @Entity}; null for column fields.
     */
    private String relationshipTarget(VariableElement f) {
        TypeMirror t = f.asType();
        if (t.getKind() != TypeKind.DECLARED) {
            return null;
        }
        javax.lang.model.type.DeclaredType dt = (javax.lang.model.type.DeclaredType) t;
        TypeElement te = (TypeElement) dt.asElement();
        String raw = te.getQualifiedName().toString();
        if (raw.equals("java.util.List") || raw.equals("java.util.Set") || raw.equals("java.util.Collection")
                || raw.equals("org.jalchemy.orm.Ref")) {
            if (dt.getTypeArguments().size() != 1 || dt.getTypeArguments().get(0).getKind() != TypeKind.DECLARED) {
                return null;
            }
            te = (TypeElement) types.asElement(dt.getTypeArguments().get(0));
        }
        return has(te, ENTITY) ? te.getQualifiedName().toString() : null;
    }

    private TypeElement superclassOf(TypeElement t) {
        TypeMirror s = t.getSuperclass();
        if (s.getKind() != TypeKind.DECLARED) {
            return null;
        }
        TypeElement st = (TypeElement) types.asElement(s);
        return st.getQualifiedName().contentEquals("java.lang.Object") ? null : st;
    }

    private static boolean has(Element e, String annotation) {
        for (AnnotationMirror m : e.getAnnotationMirrors()) {
            if (((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().contentEquals(annotation)) {
                return true;
            }
        }
        return false;
    }

    private String typeName(TypeMirror t) {
        if (t.getKind().isPrimitive()) {
            return types.boxedClass((javax.lang.model.type.PrimitiveType) t).getQualifiedName().toString();
        }
        if (t.getKind() == TypeKind.ARRAY) {
            return types.erasure(t).toString();
        }
        return types.erasure(t).toString();
    }

    /** The erased type to cast a value to, by qualified names (no type-use annotations, no arguments). */
    private String castName(TypeMirror t) {
        if (t.getKind().isPrimitive()) {
            return types.boxedClass((javax.lang.model.type.PrimitiveType) t).getQualifiedName().toString();
        }
        if (t.getKind() == TypeKind.ARRAY) {
            TypeMirror c = ((javax.lang.model.type.ArrayType) t).getComponentType();
            return (c.getKind().isPrimitive() ? c.getKind().name().toLowerCase(java.util.Locale.ROOT) : castName(c)) + "[]";
        }
        return ((TypeElement) types.asElement(types.erasure(t))).getQualifiedName().toString();
    }

    private static String erasure(String type) {
        int lt = type.indexOf('<');
        return lt < 0 ? type : type.substring(0, lt);
    }

    private static String packageOf(TypeElement e) {
        Element p = e;
        while (!(p instanceof PackageElement)) {
            p = p.getEnclosingElement();
        }
        return ((PackageElement) p).getQualifiedName().toString();
    }

    /** {@code User_}, or {@code Outer_User_} for a nested class. */
    static String metamodelName(TypeElement e) {
        StringBuilder sb = new StringBuilder(e.getSimpleName());
        for (Element p = e.getEnclosingElement(); p instanceof TypeElement t; p = p.getEnclosingElement()) {
            sb.insert(0, t.getSimpleName() + "_");
        }
        return sb.append('_').toString();
    }
}
