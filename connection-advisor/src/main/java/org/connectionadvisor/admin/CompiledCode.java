package org.connectionadvisor.admin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.connectionadvisor.RuleProblem;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.core.rule.JavaDialectRuntimeData;
import org.kie.api.definition.KiePackage;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Defence in depth behind the rule subset: the classes Drools compiled from the rules (each rule's consequence class
 * and its invoker, kept in the package's Java dialect store) may refer only to what a consequence of the subset needs.
 * Every method call, field access and type they name is checked against an allowlist: the result factories, the
 * few Drools runtime members a consequence and its invoker use, and String. Nothing that reaches I/O, processes,
 * reflection, threads, class loading, System or Runtime is on it. The check runs before any session is opened on the
 * rules, so no rule of a refused build ever fires.
 */
final class CompiledCode {
    /** The types the generated classes may name: in descriptors, as supertypes, in casts and allocations. */
    private static final Set<String> TYPES = Set.of(
            "java/lang/Object", "java/lang/String", "java/lang/Boolean", "java/lang/Class", "java/lang/Exception",
            "java/lang/Throwable",
            "org/connectionadvisor/rules/Advice", "org/connectionadvisor/rules/Topic", "org/connectionadvisor/rules/Finding",
            "org/connectionadvisor/rules/Detail",
            "org/kie/api/runtime/rule/RuleContext", "org/kie/api/runtime/rule/FactHandle",
            "org/drools/core/rule/consequence/KnowledgeHelper", "org/drools/base/rule/consequence/ConsequenceContext",
            "org/drools/base/rule/consequence/Consequence", "org/drools/base/base/ValueResolver",
            "org/drools/base/rule/Declaration", "org/drools/base/reteoo/BaseTuple", "org/drools/core/reteoo/Tuple",
            "org/drools/base/rule/accessor/CompiledInvoker", "org/drools/mvel/asm/ConsequenceStub");

    /** The members they may call or read: owner, then names. */
    private static final Map<String, Set<String>> MEMBERS = Map.of(
            "java/lang/Object", Set.of("<init>", "getClass"),
            "org/connectionadvisor/rules/Advice", Set.of("of"),
            "org/connectionadvisor/rules/Topic", Set.of("of", "firstSteps"),
            "org/connectionadvisor/rules/Finding", Set.of("of"),
            "org/connectionadvisor/rules/Detail", Set.of("of"),
            "org/drools/core/rule/consequence/KnowledgeHelper", Set.of("insertLogical"),
            "org/drools/base/rule/consequence/ConsequenceContext", Set.of("getRequiredDeclarations", "getTuple"),
            "org/drools/base/rule/consequence/Consequence", Set.of("evaluate"),
            "org/drools/base/rule/accessor/CompiledInvoker", Set.of("getMethodBytecode"),
            // An invoker builds its consequence's caller on first use, and compares itself with another by its bytecode.
            "org/drools/mvel/asm/ConsequenceGenerator", Set.of("generate"));
    private static final Map<String, Set<String>> INVOKER_MEMBERS = Map.of(
            "org/drools/mvel/asm/MethodComparator", Set.of("getMethodBytecode", "compareBytecode"));

    private CompiledCode() {
    }

    /** Each reference outside the allowlist, reported at the rule whose class makes it. */
    static List<RuleProblem> check(Collection<KiePackage> packages, RuleLocator rules) {
        List<RuleProblem> problems = new ArrayList<>();
        for (KiePackage kiePackage : packages) {
            JavaDialectRuntimeData classes = (JavaDialectRuntimeData) ((InternalKnowledgePackage) kiePackage).getDialectRuntimeRegistry()
                    .getDialectData("java");
            if (classes == null) {
                continue;
            }
            Map<String, byte[]> store = new TreeMap<>(classes.getStore());
            Set<String> own = Set.copyOf(store.keySet().stream().map(name -> name.substring(0, name.length() - ".class".length())).toList());
            for (Map.Entry<String, byte[]> compiled : store.entrySet()) {
                Set<String> refused = new TreeSet<>();
                new ClassReader(compiled.getValue()).accept(new References(own, refused), ClassReader.SKIP_DEBUG);
                for (String reference : refused) {
                    problems.add(rules.at(compiled.getKey(), "the compiled rule refers to " + reference.replace('/', '.')
                            + ", which rules may not reach: a rule only inserts results built from string literals"));
                }
            }
        }
        return problems;
    }

    /** Where to report a generated class: the rule it was compiled from. */
    @FunctionalInterface
    interface RuleLocator {
        RuleProblem at(String classFile, String message);
    }

    /** Collects what one class refers to outside the allowlist. */
    private static final class References extends ClassVisitor {
        private final Set<String> own;
        private final Set<String> refused;
        private boolean invoker;

        References(Set<String> own, Set<String> refused) {
            super(Opcodes.ASM9);
            this.own = own;
            this.refused = refused;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            type(superName);
            for (String each : interfaces) {
                invoker |= "org/drools/base/rule/accessor/CompiledInvoker".equals(each);
                type(each);
            }
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            descriptor(Type.getType(descriptor));
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            descriptor(Type.getMethodType(descriptor));
            if (exceptions != null) {
                for (String exception : exceptions) {
                    type(exception);
                }
            }
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitMethodInsn(int opcode, String owner, String member, String memberDescriptor, boolean isInterface) {
                    member(owner, member);
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String member, String memberDescriptor) {
                    member(owner, member);
                }

                @Override
                public void visitTypeInsn(int opcode, String type) {
                    type(type);
                }

                @Override
                public void visitMultiANewArrayInsn(String arrayDescriptor, int dimensions) {
                    descriptor(Type.getType(arrayDescriptor));
                }

                @Override
                public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
                    if (type != null) {
                        type(type);
                    }
                }

                @Override
                public void visitLdcInsn(Object constant) {
                    if (constant instanceof Type || constant instanceof Handle || constant instanceof ConstantDynamic) {
                        refused.add("the constant " + constant);
                    }
                }

                @Override
                public void visitInvokeDynamicInsn(String member, String memberDescriptor, Handle bootstrap, Object... arguments) {
                    refused.add(bootstrap.getOwner() + "." + bootstrap.getName() + " (invokedynamic)");
                }
            };
        }

        private void member(String owner, String member) {
            if (own.contains(owner) || MEMBERS.getOrDefault(owner, Set.of()).contains(member)
                    || invoker && INVOKER_MEMBERS.getOrDefault(owner, Set.of()).contains(member)) {
                return;
            }
            refused.add(owner + "." + member);
        }

        private void descriptor(Type type) {
            if (type.getSort() == Type.METHOD) {
                descriptor(type.getReturnType());
                for (Type argument : type.getArgumentTypes()) {
                    descriptor(argument);
                }
            } else if (type.getSort() == Type.ARRAY) {
                descriptor(type.getElementType());
            } else if (type.getSort() == Type.OBJECT) {
                type(type.getInternalName());
            }
        }

        private void type(String internalName) {
            if (internalName.startsWith("[")) {
                descriptor(Type.getType(internalName));
            } else if (!own.contains(internalName) && !TYPES.contains(internalName) && !MEMBERS.containsKey(internalName)
                    && !(invoker && INVOKER_MEMBERS.containsKey(internalName))) {
                refused.add(internalName);
            }
        }
    }
}
