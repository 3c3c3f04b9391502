package io.tessera.descriptors;

/** The root of every error the descriptors module reports. */
public class DescriptorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DescriptorException(String message) {
    super(message);
  }
}
