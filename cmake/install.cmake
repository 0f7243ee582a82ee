# Installation and the find_package(qualify) config.
