# Installation under /usr and the Debian package (cpack -G DEB, or `cmake --build build --target
# package`): the two programs, the menu entry, the icon in every size, AppStream metadata, the
# manual pages, the copyright and changelog files, lintian overrides (each explained there).
# Runtime dependencies come from dpkg-shlibdeps, plus what is loaded without being linked:
# OpenBLAS (LibTorch calls the system BLAS) and the built-in Fashion-MNIST data. The video
# export's libraries are linked, so dpkg-shlibdeps finds them: libgif7 (GIF) and
# libopencv-videoio406, whose libavcodec59 brings the H.264 encoder (libx264) for MP4.
include(GNUInstallDirs)

set(SHATTER_PACKAGE_MAINTAINER "Shatter developers <shatter@example.org>"
    CACHE STRING "Maintainer field of the Debian package")

if(SHATTER_BUILD_GUI)
  install(FILES ${CMAKE_SOURCE_DIR}/resources/desktop/org.shatter.Shatter.desktop
          DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
  install(FILES ${CMAKE_SOURCE_DIR}/resources/desktop/org.shatter.Shatter.metainfo.xml
          DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
  install(FILES ${CMAKE_SOURCE_DIR}/resources/icons/shatter.svg
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
  foreach(size 16 32 48 64 128 256)
    install(FILES ${CMAKE_SOURCE_DIR}/resources/icons/shatter-${size}.png
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps RENAME shatter.png)
  endforeach()
endif()

# Manual pages and the changelog are installed compressed, as Debian wants them.
set(man_pages shatter-cli.1)
if(SHATTER_BUILD_GUI)
  list(APPEND man_pages shatter.1)
endif()
set(compressed_files)
foreach(page ${man_pages})
  add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/man/${page}.gz
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/man
    COMMAND gzip -9n -c ${CMAKE_SOURCE_DIR}/docs/man/${page} > ${CMAKE_BINARY_DIR}/man/${page}.gz
    DEPENDS ${CMAKE_SOURCE_DIR}/docs/man/${page} VERBATIM)
  list(APPEND compressed_files ${CMAKE_BINARY_DIR}/man/${page}.gz)
  install(FILES ${CMAKE_BINARY_DIR}/man/${page}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endforeach()
add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/changelog.gz
  COMMAND gzip -9n -c ${CMAKE_SOURCE_DIR}/packaging/changelog > ${CMAKE_BINARY_DIR}/changelog.gz
  DEPENDS ${CMAKE_SOURCE_DIR}/packaging/changelog VERBATIM)
add_custom_target(shatter_compressed_docs ALL DEPENDS ${compressed_files} ${CMAKE_BINARY_DIR}/changelog.gz)
install(FILES ${CMAKE_BINARY_DIR}/changelog.gz ${CMAKE_SOURCE_DIR}/packaging/copyright
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/shatter)
install(FILES ${CMAKE_SOURCE_DIR}/packaging/lintian-overrides
        DESTINATION ${CMAKE_INSTALL_DATADIR}/lintian/overrides RENAME shatter)

# A stripped install (cpack, cmake --install --strip) also drops the .comment section that names
# the compilers, as Debian's dh_strip does (lintian: binary-has-unneeded-section); strip keeps it.
install(CODE "set(shatter_objcopy \"${CMAKE_OBJCOPY}\")")
install(CODE [[
  if(CMAKE_INSTALL_DO_STRIP)
    foreach(program shatter shatter-cli)
      set(file "$ENV{DESTDIR}${CMAKE_INSTALL_PREFIX}/bin/${program}")
      if(EXISTS "${file}")
        execute_process(COMMAND "${shatter_objcopy}" --remove-section=.comment "${file}"
                        COMMAND_ERROR_IS_FATAL ANY)
      endif()
    endforeach()
  endif()
]])

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME shatter)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${SHATTER_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "watch neural networks fit random labels and pure noise")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
"Shatter trains the image classifiers of Zhang et al., Understanding deep
learning requires rethinking generalization (ICLR 2017), on real images whose
labels or pixels are corrupted by a chosen amount, and shows live that they
reach 100% training accuracy on random labels while test accuracy stays at
chance. It has classroom presets, sweeps that draw the paper's Figure 1, a
library of runs to compare, figure export, and a command-line twin,
shatter-cli, for servers and clusters.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libopenblas0-pthread | libopenblas0, dataset-fashion-mnist")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
