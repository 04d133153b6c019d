/**
 * The rule catalogue ({@code rules.yaml}), the peer suites case by case ({@code peer-suites.yaml}), the outside
 * reviews' findings ({@code catalogue-reviews.yaml}), and the catalogue page rendered from them.
 */
package io.tsmtck.tck.catalogue;
