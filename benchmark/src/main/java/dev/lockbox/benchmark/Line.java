package dev.lockbox.benchmark;

/**
 * A least-squares straight line {@code y = intercept + slope * x}, e.g. heap growth over cached
 * workflows.
 */
record Line(double intercept, double slope) {

  /** The best fit through the points; NaN slope and intercept when the x values do not differ. */
  static Line fit(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException(x.length + " x values but " + y.length + " y values");
    }
    int n = x.length;
    double meanX = 0;
    double meanY = 0;
    for (int i = 0; i < n; i++) {
      meanX += x[i] / n;
      meanY += y[i] / n;
    }
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < n; i++) {
      sxy += (x[i] - meanX) * (y[i] - meanY);
      sxx += (x[i] - meanX) * (x[i] - meanX);
    }
    if (n < 2 || sxx == 0) {
      return new Line(Double.NaN, Double.NaN);
    }
    double slope = sxy / sxx;
    return new Line(meanY - slope * meanX, slope);
  }
}
