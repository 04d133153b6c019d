/**
 * What the kit's tests stand on, in five roles: binding a test to its rule ({@code Must}, {@code Should},
 * {@code RuleExtension}, {@code RuleContext}); the host subject ({@code Sut}, {@code Suts}, {@code Cases},
 * {@code Assignment}, {@code StackPool}); the device subject ({@code DeviceSut}, {@code DeviceCases},
 * {@code TdispClient}, {@code KeptSession}, {@code KitLink}); configuration ({@code KitConfig}); and set-up steps
 * and their failures ({@code Setup}, {@code SetupFailure}, {@code Applicability}).
 */
package io.tsmtck.tck.support;
