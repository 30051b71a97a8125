/**
 * Argo Workflow records for the subset of Argo's {@code Workflow} this program produces, with field names exactly
 * as Argo's JSON ({@code generateName}, {@code withParam}, {@code depends}), and {@link
 * net.qgreenland.ogdc.argo.model.ArgoDocuments} to write them as YAML or JSON and read them back.
 *
 * <p>Pure: no I/O. May import Jackson only; {@code architecture.PureCoreTest} enforces it.
 */
package net.qgreenland.ogdc.argo.model;
