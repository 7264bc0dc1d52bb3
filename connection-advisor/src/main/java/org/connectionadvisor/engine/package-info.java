/**
 * Not API (public for the other packages of the library): the engine. The inputs of a diagnosis and the inferences
 * from what the user pasted ({@link org.connectionadvisor.engine.Situation}), the compiled rule base and its live
 * sessions, the ranking policy, the question planner and the report on what each fact did.
 */
package org.connectionadvisor.engine;
