package dev.athanor.query.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * One Java class compiled in memory against the test class path, as exported code is compiled by whoever uses it.
 *
 * @param type the loaded class; null when it did not compile
 * @param errors what the compiler said
 */
public record CompiledJava(Class<?> type, String errors) {

    /**
     * Compiles a public class {@code className} holding {@code methods}, static methods that return exported jOOQ
     * code, with the imports that code expects ({@code org.jooq.*}, {@code DSL.*}, {@code SQLDataType}).
     */
    public static CompiledJava jooq(String className, String methods) {
        return compile(
                className,
                "import static org.jooq.impl.DSL.*;\nimport org.jooq.*;\nimport org.jooq.impl.SQLDataType;\n"
                        + "import java.util.List;\npublic class " + className + " {\n" + methods + "}\n");
    }

    /** Compiles {@code source}, which declares the public class {@code className}, and loads it. */
    public static CompiledJava compile(String className, String source) {
        var compiler = ToolProvider.getSystemJavaCompiler();
        var classes = new HashMap<String, ByteArrayOutputStream>();
        var standard = compiler.getStandardFileManager(null, null, null);
        JavaFileManager manager = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(
                    JavaFileManager.Location location, String name, JavaFileObject.Kind kind, FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + name.replace('.', '/') + kind.extension), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return classes.computeIfAbsent(name, n -> new ByteArrayOutputStream());
                    }
                };
            }
        };
        var file =
                new SimpleJavaFileObject(URI.create("string:///" + className + ".java"), JavaFileObject.Kind.SOURCE) {
                    @Override
                    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                        return source;
                    }
                };
        var errors = new StringWriter();
        boolean compiled = compiler.getTask(
                        errors,
                        manager,
                        null,
                        List.of("-classpath", System.getProperty("java.class.path"), "-proc:none"),
                        null,
                        List.of(file))
                .call();
        if (!compiled) {
            return new CompiledJava(null, errors.toString());
        }
        var loader = new ClassLoader(CompiledJava.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                var bytes = classes.get(name);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                byte[] code = bytes.toByteArray();
                return defineClass(name, code, 0, code.length);
            }
        };
        try {
            return new CompiledJava(loader.loadClass(className), errors.toString());
        } catch (ClassNotFoundException e) {
            return new CompiledJava(null, "no class " + className + " in the source");
        }
    }
}
