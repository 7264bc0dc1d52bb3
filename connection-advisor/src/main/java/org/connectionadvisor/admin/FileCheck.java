package org.connectionadvisor.admin;

import static org.connectionadvisor.admin.SubsetGrammar.ALLOWED_IMPORTS;
import static org.connectionadvisor.admin.SubsetGrammar.FACT_PACKAGE;
import static org.connectionadvisor.admin.SubsetGrammar.IMPORTABLE;
import static org.connectionadvisor.admin.SubsetGrammar.LIST;
import static org.connectionadvisor.admin.SubsetGrammar.PACKAGE;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.connectionadvisor.RuleProblem;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;

/** One file's checks: its package, imports and other top-level parts; each rule's RuleCheck then reads what it found. */
final class FileCheck {
    final DrlFile file;
    final PackageDescr descr;
    final List<RuleProblem> problems;
    final List<CheckedRule> rules;
    final Set<String> imported = new HashSet<>();

    FileCheck(DrlFile file, PackageDescr descr, List<RuleProblem> problems, List<CheckedRule> rules) {
        this.file = file;
        this.descr = descr;
        this.problems = problems;
        this.rules = rules;
    }

    void run() {
        int packageLine = Math.max(descr.getLine(), 1);
        if (descr.getName() == null || descr.getName().isEmpty()) {
            refuse(1, null, "the file has no package line: a rule file starts with package " + PACKAGE + ";");
        } else if (!PACKAGE.equals(descr.getName())) {
            refuse(packageLine, null, "package " + descr.getName() + " is not allowed: a rule file starts with package " + PACKAGE + ";");
        }
        if (descr.getUnit() != null) {
            refuse(packageLine, null, "unit is not in the subset: a rule file has a package, imports and rules");
        }
        for (ImportDescr anImport : descr.getImports()) {
            imports(anImport);
        }
        descr.getFunctionImports().forEach(d -> notInSubset(d, "import function (or import static)", "rules call no functions"));
        descr.getAccumulateImports().forEach(d -> notInSubset(d, "import accumulate", "rules accumulate nothing"));
        descr.getAttributes().forEach(d -> notInSubset(d, d.getName() + " for a whole file",
                "a file has no attributes; salience is a rule's only attribute"));
        descr.getGlobals().forEach(d -> notInSubset(d, "global", "rules read only the facts"));
        descr.getFunctions().forEach(d -> notInSubset(d, "function", "a rule runs no code of its own"));
        descr.getTypeDeclarations().forEach(d -> notInSubset(d, "declare", "the facts are those of " + FACT_PACKAGE));
        descr.getEnumDeclarations().forEach(d -> notInSubset(d, "declare enum", "the facts are those of " + FACT_PACKAGE));
        descr.getEntryPointDeclarations().forEach(d -> notInSubset(d, "declare entry-point", "facts reach rules one way"));
        descr.getWindowDeclarations().forEach(d -> notInSubset(d, "declare window", "rules match facts, not windows of events"));
    }

    private void imports(ImportDescr anImport) {
        String target = anImport.getTarget();
        if ((FACT_PACKAGE + ".*").equals(target)) {
            imported.addAll(IMPORTABLE);
        } else if (target.startsWith(FACT_PACKAGE + ".") && IMPORTABLE.contains(target.substring(FACT_PACKAGE.length() + 1))) {
            imported.add(target.substring(FACT_PACKAGE.length() + 1));
        } else if (("java.util." + LIST).equals(target)) {
            imported.add(LIST);
        } else {
            refuse(anImport.getLine(), null, "import " + target + " is not allowed: " + ALLOWED_IMPORTS);
        }
    }

    private void notInSubset(BaseDescr part, String what, String instead) {
        refuse(Math.max(part.getLine(), 1), null, what + " is not in the subset: " + instead);
    }

    void refuse(int line, String rule, String message) {
        problems.add(new RuleProblem(file.path(), line, rule, message));
    }
}
