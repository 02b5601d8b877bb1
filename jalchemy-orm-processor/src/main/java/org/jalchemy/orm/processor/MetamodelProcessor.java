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
        for (TypeElement t = entity; t != null; t = superclassOf(t)) {
            List<String[]> own = new ArrayList<>();
            List<String[]> ownRels = new ArrayList<>();
            for (VariableElement f : ElementFilter.fieldsIn(t.getEnclosedElements())) {
                Set<Modifier> mods = f.getModifiers();
                if (mods.contains(Modifier.STATIC) || mods.contains(Modifier.TRANSIENT) || has(f, TRANSIENT)) {
                    continue;
                }
                String target = relationshipTarget(f);
                if (target != null) {
                    ownRels.add(new String[]{f.getSimpleName().toString(), target});
                    continue;
                }
                if (has(f, RELATIONSHIP)) {
                    continue; // a malformed relationship: the mapper reports it
                }
                own.add(new String[]{f.getSimpleName().toString(), typeName(f.asType()), has(f, EMBEDDED) ? "e" : ""});
            }
            attrs.addAll(0, own); // superclass fields first, like the mapper
            rels.addAll(0, ownRels);
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
        src.append("\n    private ").append(simple).append("() {\n    }\n}\n");
        String qualified = pkg.isEmpty() ? simple : pkg + "." + simple;
        try (Writer w = filer.createSourceFile(qualified, entity).openWriter()) {
            w.write(src.toString());
        }
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
