#include "cli/Application.h"
#ifdef TENGERIM_WITH_MPI
#include "sweep/MpiSweep.h"
#endif

int main(int argc, char** argv) {
#ifdef TENGERIM_WITH_MPI
  tengerim::register_mpi_sweep();  // `tengerim sweep` under mpirun spreads its plans over the ranks
#endif
  return tengerim::run_application(argc, argv);
}
