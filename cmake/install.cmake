# Installation: the library, its public headers (and the internal headers
# they include), the CLI, and a find_package(qualify) config exporting
# qualify::qualify.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(TARGETS qualify EXPORT qualifyTargets ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(DIRECTORY include/qualify DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
# decision.hpp exposes Decimal, which lives with the interpreter.
install(FILES interpreter/decimal.hpp DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/interpreter)
install(EXPORT qualifyTargets NAMESPACE qualify:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/qualify)
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/qualifyConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/qualifyConfig.cmake INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/qualify)
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/qualifyConfigVersion.cmake COMPATIBILITY SameMajorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/qualifyConfig.cmake ${CMAKE_CURRENT_BINARY_DIR}/qualifyConfigVersion.cmake
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/qualify)
