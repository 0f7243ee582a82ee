# qualify_unit_test(NAME SOURCE...): a doctest executable linked against the
# library, registered with CTest as one case.
function(qualify_unit_test name)
  add_executable(${name} ${ARGN})
  target_link_libraries(${name} PRIVATE qualify qualify_leadgen doctest::doctest taocpp::pegtl Boost::headers PkgConfig::RE2)
  target_compile_definitions(${name} PRIVATE DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
    QUALIFY_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  add_test(NAME ${name} COMMAND ${name} WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
endfunction()
