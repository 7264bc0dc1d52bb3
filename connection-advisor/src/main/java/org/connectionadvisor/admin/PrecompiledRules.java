package org.connectionadvisor.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;

import org.connectionadvisor.engine.RuleBase;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.kie.api.definition.KiePackage;

/**
 * The packaged rules compiled at build time. Compiling the DRL took about half of a command-line run (parsing, the
 * Java compiler for the consequences, their class loading); the build writes the compiled packages next to the
 * classes and a run reads them back. Directories given at run time (--rules DIR) are still compiled when loaded.
 */
public final class PrecompiledRules {
    static final String RESOURCE = "rules-drl.packages";

    private PrecompiledRules() {
    }

    /** The packaged rules: read back when the build precompiled them, compiled now otherwise (an IDE run). */
    public static RuleBase packaged() {
        try (InputStream in = PrecompiledRules.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return RuleCompiler.compile(DrlFile.packaged());
            }
            try (DroolsObjectInputStream packages = new DroolsObjectInputStream(in, PrecompiledRules.class.getClassLoader())) {
                @SuppressWarnings("unchecked")
                Collection<KiePackage> read = (Collection<KiePackage>) packages.readObject();
                return RuleBase.of(read, () -> DrlFile.version(DrlFile.packaged()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the precompiled rules " + RESOURCE, e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the precompiled rules " + RESOURCE + " do not fit this build", e);
        }
    }

    /** Build step (see pom.xml): compiles the packaged rules on the class path into {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        RuleBase rules = RuleCompiler.compile(DrlFile.packaged());
        try (ObjectOutputStream out = new DroolsObjectOutputStream(Files.newOutputStream(Path.of(args[0])))) {
            out.writeObject(new ArrayList<>(rules.kieBase().getKiePackages()));
        }
    }
}
